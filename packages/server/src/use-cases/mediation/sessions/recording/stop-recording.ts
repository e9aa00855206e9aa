import type { Kysely } from 'kysely';
import type { RecordingStopReason } from '@sutiao/domain/sessions/session-recording.ts';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { SignedInContext } from '../../../../deps.ts';
import { auditRecordingAct, recordingNext } from './recording-transition.ts';

/**
 * Stops whatever recording runs in a session, for `reason`, in the caller's transaction (the session's end runs it in
 * its own): the row moves by the table, and the stop is audited. The browser still uploads its last chunks and
 * finishes the recording. Returns the stopped recording's id, or null when none was running.
 */
export async function stopRunningRecording(
  trx: Kysely<DB>,
  ctx: SignedInContext | null,
  now: Date,
  sessionId: string,
  reason: RecordingStopReason,
): Promise<string | null> {
  const running = await trx
    .selectFrom('session_recordings')
    .select(['id', 'state', 'version', 'case_id'])
    .where('session_id', '=', sessionId)
    .where('state', '=', 'recording')
    .forUpdate()
    .executeTakeFirst();
  if (!running) return null;
  const to = recordingNext(running.state, 'stop', true);
  await trx
    .updateTable('session_recordings')
    .set({ state: to, stop_reason: reason, stopped_at: now, version: running.version + 1 })
    .where('id', '=', running.id)
    .where('version', '=', running.version)
    .execute();
  await auditRecordingAct(trx, ctx, now, 'session.recording.stop', running.id, {
    caseId: running.case_id,
    sessionId,
    reason,
  });
  return running.id;
}
