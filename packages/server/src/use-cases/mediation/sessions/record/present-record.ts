import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { SessionRecordsTable } from '../../../../adapters/db/sessions-schema.ts';
import { verifyUrl } from '../../../../lib/verification-code.ts';
import type { SessionRow } from '../load-session.ts';
import type { SeatRow } from '../session-seats.ts';
import { missingSigners } from './record-content.ts';

export interface SessionRecordView {
  sessionId: string;
  status: 'draft' | 'signing' | 'sealed';
  body: string;
  revision: number;
  savedAt: string | null;
  digestSm3: string | null;
  signatures: { userId: string; name: string; role: string; side: string | null; signedAt: string }[];
  /** Still to sign: 'mediator', 'investor', 'respondent'. */
  missing: string[];
  canEdit: boolean;
  canFinalize: boolean;
  canSign: boolean;
  verificationCode: string | null;
  verifyUrl: string | null;
}

type RecordRow = Selectable<SessionRecordsTable>;

/** The record as a reader sees it: the mediator edits a draft; each participant signs a fixed one once. */
export async function presentRecord(
  db: Kysely<DB>,
  publicUrl: string,
  input: { session: SessionRow; seats: readonly SeatRow[]; record: RecordRow | undefined; readerId: string },
): Promise<SessionRecordView> {
  const { session, seats, record, readerId } = input;
  const signatures = record
    ? await db
        .selectFrom('session_record_signatures')
        .selectAll()
        .where('session_id', '=', session.id)
        .orderBy('signed_at')
        .execute()
    : [];
  const status = record?.status ?? 'draft';
  const isMediator = session.mediator_user_id === readerId;
  const seated = seats.some((s) => s.userId === readerId);
  const code = record?.verification_code ?? null;
  return {
    sessionId: session.id,
    status,
    body: record?.body ?? '',
    revision: record?.revision ?? 0,
    savedAt: record?.saved_at ? new Date(record.saved_at).toISOString() : null,
    digestSm3: record?.digest_sm3 ?? null,
    signatures: signatures.map((s) => ({
      userId: s.user_id,
      name: s.signer_name,
      role: s.role,
      side: s.side,
      signedAt: new Date(s.signed_at).toISOString(),
    })),
    missing: status === 'draft' ? [] : missingSigners(seats, signatures),
    canEdit: isMediator && status === 'draft' && (session.state === 'open' || session.state === 'ended'),
    canFinalize:
      isMediator && status === 'draft' && session.state === 'ended' && (record?.body.trim() ?? '') !== '',
    canSign: seated && status === 'signing' && !signatures.some((s) => s.user_id === readerId),
    verificationCode: code,
    verifyUrl: code ? verifyUrl(publicUrl, code) : null,
  };
}
