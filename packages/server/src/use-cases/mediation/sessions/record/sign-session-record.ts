import type { Kysely, Selectable } from 'kysely';
import { appError } from '@sutiao/domain/errors.ts';
import { sm3Hex } from '../../../../adapters/crypto/sm3.ts';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { SessionRecordsTable } from '../../../../adapters/db/sessions-schema.ts';
import { sealEnvelope } from '../../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { newVerificationCode } from '../../../../lib/verification-code.ts';
import { auditUserAct } from '../../../common/audit/audit-user-act.ts';
import { confirmPassword } from '../../../common/auth/confirm-password.ts';
import { notifyUsers } from '../../../common/notices/notify-user.ts';
import { userSigner } from '../../agreements/user-signing-key.ts';
import type { SessionRow } from '../load-session.ts';
import type { SeatRow } from '../session-seats.ts';
import { loadRecordContext } from './load-record.ts';
import { presentRecord, type SessionRecordView } from './present-record.ts';
import { missingSigners, recordSealContent, storedRecordContent } from './record-content.ts';
import { drawSealedRecord } from './record-pdf.ts';

type RecordRow = Selectable<SessionRecordsTable>;

/**
 * A participant of the session signs the fixed record's SM3 digest with their SM2 key, after re-entering their
 * password. When the mediator and each side have signed, the platform seals it in the same transaction: a public
 * verification code, the seal over the digest and every signature, and the PDF, kept by hash.
 */
export async function signSessionRecord(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string; password: string },
): Promise<SessionRecordView> {
  // Visibility first: someone who can't see the case learns nothing, not even whether their password was right.
  await loadRecordContext(deps.db, ctx.actor, input.caseId, input.sessionId);
  await confirmPassword(deps, ctx, input.password, 'sign-session-record');
  return deps.db.transaction().execute(async (trx) => {
    const {
      session,
      case: c,
      seats,
      record,
    } = await loadRecordContext(trx, ctx.actor, input.caseId, input.sessionId, { forUpdate: true });
    const seat = seats.find((s) => s.userId === ctx.actor.userId);
    if (!seat) throw appError('FORBIDDEN');
    if (record?.status !== 'signing' || !record.content || !record.digest_sm3)
      throw appError('CASE_STATE_CONFLICT');
    const already = await trx
      .selectFrom('session_record_signatures')
      .select('user_id')
      .where('session_id', '=', session.id)
      .where('user_id', '=', seat.userId)
      .executeTakeFirst();
    if (already) throw appError('CASE_STATE_CONFLICT');
    const signer = await userSigner(deps, trx, seat.userId);
    // After the key exists: a first signature's key is created now, and a key only vouches for what it signed since.
    const now = deps.now();
    const envelope = sealEnvelope('session-record', storedRecordContent(record.content), signer);
    // Never sign over stored content that no longer matches what was fixed.
    if (envelope.digestSm3 !== record.digest_sm3 || envelope.canonicalText !== record.content)
      throw appError('INTERNAL');
    await trx
      .insertInto('session_record_signatures')
      .values({
        session_id: session.id,
        user_id: seat.userId,
        role: seat.role,
        side: seat.side,
        signer_name: seat.name,
        signed_at: now,
        algorithm: envelope.algorithm,
        key_id: envelope.keyId,
        public_key_pem: signer.publicKeyPem,
        signature: envelope.signature,
      })
      .execute();
    await auditUserAct(trx, ctx, now, {
      action: 'session.record.sign',
      targetType: 'mediation_session',
      targetId: session.id,
      details: { digestSm3: record.digest_sm3, keyId: signer.keyId },
    });
    const after = await sealWhenComplete(deps, trx, {
      session,
      seats,
      record,
      caseNumber: c.case_number,
      now,
    });
    return presentRecord(trx, deps.publicUrl, { session, seats, record: after, readerId: ctx.actor.userId });
  });
}

async function sealWhenComplete(
  deps: Deps,
  trx: Kysely<DB>,
  input: {
    session: SessionRow;
    seats: readonly SeatRow[];
    record: RecordRow;
    caseNumber: string | null;
    now: Date;
  },
): Promise<RecordRow> {
  const { session, seats, record, now } = input;
  const signatures = await trx
    .selectFrom('session_record_signatures')
    .selectAll()
    .where('session_id', '=', session.id)
    .orderBy('signed_at')
    .orderBy('user_id')
    .execute();
  if (missingSigners(seats, signatures).length > 0) return record;
  const verificationCode = newVerificationCode();
  const { signer } = deps.keys;
  const seal = sealEnvelope(
    'session-record-seal',
    recordSealContent({ digestSm3: record.digest_sm3 ?? '', sealedAt: now, signatures }),
    signer,
    { verificationCode },
  );
  const sealColumns = {
    status: 'sealed' as const,
    verification_code: verificationCode,
    seal_content: seal.canonicalText,
    seal_algorithm: seal.algorithm,
    seal_key_id: seal.keyId,
    seal_public_key_pem: signer.publicKeyPem,
    seal_signature: seal.signature,
    sealed_at: now,
  };
  const pdf = await drawSealedRecord(deps, { ...record, ...sealColumns }, signatures);
  const pdfSha256 = await deps.storage.put(pdf);
  const stored = await trx
    .updateTable('session_records')
    .set({ ...sealColumns, pdf_sha256: pdfSha256, pdf_sm3: sm3Hex(pdf) })
    .where('session_id', '=', session.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await notifyUsers(
    trx,
    seats.map((s) => ({
      userId: s.userId,
      kind: 'session.record.sealed',
      title: `${input.caseNumber ?? '调解申请'}：调解笔录已签署`,
      body: `在线视频调解笔录已由各方签署并加盖平台电子签章，验证码 ${verificationCode}。`,
      caseId: session.case_id,
    })),
  );
  return stored;
}
