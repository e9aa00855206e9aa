import type { Selectable } from 'kysely';
import type { SessionRecordSignaturesTable } from '../../../../adapters/db/sessions-schema.ts';
import type { SessionRow } from '../load-session.ts';
import type { SeatRow } from '../session-seats.ts';

export type RecordSignatureRow = Selectable<SessionRecordSignaturesTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * What the participants sign (a `session-record` envelope): the session, who sat in it and the record's text, fixed
 * when the mediator finalizes it, so a verifier can recompute the digest from the stored text years later.
 */
export function recordContent(input: {
  session: SessionRow;
  caseNumber: string | null;
  seats: readonly SeatRow[];
  body: string;
}) {
  const { session } = input;
  return {
    sessionId: session.id,
    caseId: session.case_id,
    caseNumber: input.caseNumber,
    scheduledAt: iso(session.scheduled_at),
    openedAt: iso(session.opened_at),
    endedAt: iso(session.ended_at),
    participants: input.seats.map((s) => ({ userId: s.userId, name: s.name, role: s.role, side: s.side })),
    text: input.body,
  };
}

export type RecordContent = ReturnType<typeof recordContent>;

/** Who must sign before the record is sealed: its mediator and one person (party or agent) of each side seated. */
export function missingSigners(
  seats: readonly Pick<SeatRow, 'userId' | 'role' | 'side'>[],
  signed: readonly Pick<RecordSignatureRow, 'user_id'>[],
): string[] {
  const done = new Set(signed.map((s) => s.user_id));
  const missing: string[] = [];
  for (const s of seats) if (s.role === 'mediator' && !done.has(s.userId)) missing.push('mediator');
  for (const side of ['investor', 'respondent'] as const) {
    const of = seats.filter((s) => s.side === side);
    if (of.length > 0 && !of.some((s) => done.has(s.userId))) missing.push(side);
  }
  return missing;
}

/** The platform's seal (a `session-record-seal` envelope, with the verification code) covers these. */
export function recordSealContent(input: {
  digestSm3: string;
  sealedAt: Date;
  signatures: readonly Pick<RecordSignatureRow, 'user_id' | 'key_id' | 'signature'>[];
}) {
  return {
    digestSm3: input.digestSm3,
    sealedAt: input.sealedAt.toISOString(),
    signatures: [...input.signatures]
      .sort((a, b) => a.user_id.localeCompare(b.user_id))
      .map((s) => ({ userId: s.user_id, keyId: s.key_id, signature: s.signature })),
  };
}

/** The content as it was signed, read back from the stored canonical text (without its format tag). */
export function storedRecordContent(canonicalText: string): RecordContent {
  const { format: _format, ...content } = JSON.parse(canonicalText) as RecordContent & { format?: string };
  return content;
}
