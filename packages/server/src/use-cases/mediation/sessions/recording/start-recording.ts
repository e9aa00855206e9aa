import { appError } from '@sutiao/domain/errors.ts';
import type { LiveRecording } from '@sutiao/domain/sessions/signaling-messages.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { newId } from '../../../../lib/ids.ts';
import { auditRecordingAct } from './recording-transition.ts';

/**
 * The mediator starts recording an open session; the hub has checked that everyone admitted consented, and their
 * ids are kept with the recording and in the audit trail. One recording runs at a time in a session.
 */
export async function startRecording(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string; consented: string[]; mimeType: string },
): Promise<LiveRecording> {
  const now = deps.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('mediation_sessions')
      .select(['state', 'mediator_user_id'])
      .where('id', '=', input.sessionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (session.mediator_user_id !== ctx.actor.userId) throw appError('FORBIDDEN');
    if (session.state !== 'open') throw appError('SESSION_NOT_OPEN');
    const running = await trx
      .selectFrom('session_recordings')
      .select('id')
      .where('session_id', '=', input.sessionId)
      .where('state', '=', 'recording')
      .executeTakeFirst();
    if (running)
      throw appError('SESSION_INVALID', { reason: { zh: '本会话正在录制', en: 'already recording' } });
    await trx
      .insertInto('session_recordings')
      .values({
        id,
        session_id: input.sessionId,
        case_id: input.caseId,
        started_by: ctx.actor.userId,
        consented_user_ids: input.consented,
        mime_type: input.mimeType,
        state: 'recording',
        started_at: now,
      })
      .execute();
    await auditRecordingAct(trx, ctx, now, 'session.recording.start', id, {
      caseId: input.caseId,
      sessionId: input.sessionId,
      consented: input.consented,
      mimeType: input.mimeType,
    });
  });
  return { id, startedAt: now.toISOString() };
}
