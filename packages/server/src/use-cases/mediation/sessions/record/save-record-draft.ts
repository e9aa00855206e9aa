import { appError } from '@sutiao/domain/errors.ts';
import { sm3Hex } from '../../../../adapters/crypto/sm3.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { auditUserAct } from '../../../common/audit/audit-user-act.ts';
import { loadRecordContext } from './load-record.ts';
import { presentRecord, type SessionRecordView } from './present-record.ts';

/** The longest record: a long session's notes, well above a case message. */
export const RECORD_MAX_CHARS = 50_000;

/**
 * The mediator's draft of the record, saved as they type (while the session runs or after it ended, until fixed):
 * compare-and-set on the revision the editor last saw, so two tabs cannot overwrite each other silently.
 */
export async function saveRecordDraft(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string; body: string; revision: number },
): Promise<SessionRecordView> {
  if (input.body.length > RECORD_MAX_CHARS)
    throw appError('SESSION_INVALID', {
      reason: {
        zh: `笔录不得超过${RECORD_MAX_CHARS}字`,
        en: `the record is longer than ${RECORD_MAX_CHARS} characters`,
      },
    });
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { session, seats, record } = await loadRecordContext(
      trx,
      ctx.actor,
      input.caseId,
      input.sessionId,
      {
        forUpdate: true,
      },
    );
    if (session.mediator_user_id !== ctx.actor.userId) throw appError('FORBIDDEN');
    if (session.state !== 'open' && session.state !== 'ended') throw appError('SESSION_NOT_OPEN');
    // A fixed record is what its participants sign: it no longer takes drafts.
    if ((record?.status ?? 'draft') !== 'draft') throw appError('CASE_STATE_CONFLICT');
    if ((record?.revision ?? 0) !== input.revision) throw appError('CASE_STATE_CONFLICT');
    const revision = input.revision + 1;
    const saved = await trx
      .insertInto('session_records')
      .values({ session_id: session.id, body: input.body, revision, saved_at: now })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ body: input.body, revision, saved_at: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditUserAct(trx, ctx, now, {
      action: 'session.record.draft',
      targetType: 'mediation_session',
      targetId: session.id,
      details: { revision, length: input.body.length, sm3: sm3Hex(input.body) },
    });
    return presentRecord(trx, deps.publicUrl, { session, seats, record: saved, readerId: ctx.actor.userId });
  });
}
