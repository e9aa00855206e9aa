import { appError } from '@sutiao/domain/errors.ts';
import type { LiveRecording } from '@sutiao/domain/sessions/signaling-messages.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { newId } from '../../../../lib/ids.ts';
import { auditRecordingAct } from './recording-transition.ts';
import { stopRunningRecording } from './stop-recording.ts';

/**
 * The mediator starts recording an open session; the hub has checked that everyone admitted consented, and their
 * ids are kept with the recording and in the audit trail. One recording runs at a time in a session.
 */
export async function startRecording(
  deps: Deps,
  ctx: SignedInContext,
  input: {
    caseId: string;
    sessionId: string;
    consented: string[];
    audience: string[] | null;
    mimeType: string;
  },
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
    // The room records nothing now (the hub asks only then): a row still marked recording is one whose stop the
    // database missed (a restart, a failed write); it is stopped here rather than blocking the new one.
    await stopRunningRecording(trx, ctx, now, input.sessionId, 'mediator-left');
    await trx
      .insertInto('session_recordings')
      .values({
        id,
        session_id: input.sessionId,
        case_id: input.caseId,
        started_by: ctx.actor.userId,
        consented_user_ids: input.consented,
        audience: input.audience,
        mime_type: input.mimeType,
        state: 'recording',
        started_at: now,
      })
      .execute();
    await auditRecordingAct(trx, ctx, now, 'session.recording.start', id, {
      caseId: input.caseId,
      sessionId: input.sessionId,
      consented: input.consented,
      audience: input.audience,
      mimeType: input.mimeType,
    });
  });
  return { id, startedAt: now.toISOString() };
}
