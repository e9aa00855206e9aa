import { sql } from 'kysely';
import { RECORDING_LIMITS } from '@sutiao/domain/sessions/session-recording.ts';
import type { Deps } from '../../../../deps.ts';
import { completeRecording } from './complete-recording.ts';
import type { RecordingRow } from './load-recording.ts';
import { listChunks } from './recording-chunks.ts';
import { stopRunningRecording } from './stop-recording.ts';

/**
 * Nothing recorded is lost when the mediator's browser closes: a recording that has received nothing for a while
 * (still marked recording, or stopped and never finished) is stopped and finished by the platform with the chunks
 * that arrived in order from the first; chunks after a gap cannot be played and are left out (named in the audit). Returns how many.
 */
export async function finishAbandonedRecordings(deps: Deps, batch = 20): Promise<number> {
  const now = deps.now();
  const before = new Date(now.getTime() - RECORDING_LIMITS.abandonedAfterMs);
  let finished = 0;
  const { rows } = await sql<{ id: string }>`
    select r.id from session_recordings r
    where r.state <> 'finished'
      and greatest(r.started_at, coalesce(r.stopped_at, r.started_at),
        coalesce((select max(c.received_at) from session_recording_chunks c where c.recording_id = r.id), r.started_at))
        < ${before}
    order by r.started_at limit ${batch}`.execute(deps.db);
  for (const { id } of rows) {
    // One recording that cannot be finished (a chunk lost from storage) must not hold back the others.
    const done = await finishOne(deps, id, now).catch(() => false);
    if (done) finished++;
  }
  return finished;
}

async function finishOne(deps: Deps, id: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session_recordings')
      .selectAll()
      .where('id', '=', id)
      .where('state', '<>', 'finished')
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return false;
    let recording: RecordingRow = row;
    if (row.state === 'recording') {
      await stopRunningRecording(trx, null, now, row.session_id, 'mediator-left');
      recording = await trx
        .selectFrom('session_recordings')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    }
    const seqs = (await listChunks(trx, id)).map((c) => c.seq);
    let contiguous = 0;
    while (seqs[contiguous] === contiguous) contiguous++;
    const dropped = seqs.slice(contiguous);
    if (dropped.length > 0)
      await trx
        .deleteFrom('session_recording_chunks')
        .where('recording_id', '=', id)
        .where('seq', '>=', contiguous)
        .execute();
    // The dropped chunks stay in the file store (kept by content); the audit record names them.
    await completeRecording(deps, trx, null, recording, contiguous, {
      finishedBy: 'platform',
      ...(dropped.length > 0 ? { droppedChunks: dropped } : {}),
    });
    return true;
  });
}
