import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { completeRecording } from './complete-recording.ts';
import { loadRecording, type RecordingIds } from './load-recording.ts';
import { presentRecording, type RecordingView } from './present-recording.ts';
import { sessionSignaling } from '../signaling-relay.ts';
import { stopRunningRecording } from './stop-recording.ts';
import { digestRecording, listChunks } from './recording-chunks.ts';

/**
 * The mediator's browser, once its recorder stopped and every chunk was uploaded, finishes the recording with the
 * number of chunks it made. Missing chunks answer RECORDING_INCOMPLETE with their numbers: send them, then finish
 * again. The finished recording is attached to the case, playable by the session's people.
 */
export async function finishRecording(
  deps: Deps,
  ctx: SignedInContext,
  input: RecordingIds & { chunkCount: number },
): Promise<RecordingView> {
  // Digested first, outside the transaction (checked there to be of the same chunks).
  const { recording: before } = await loadRecording(deps.db, ctx.actor, input);
  if (before.started_by !== ctx.actor.userId) throw appError('FORBIDDEN');
  const chunks = await listChunks(deps.db, before.id);
  const ahead =
    chunks.length === input.chunkCount && chunks.every((c, i) => c.seq === i)
      ? { chunks, digest: await digestRecording(deps.storage, chunks) }
      : undefined;
  let stoppedHere = false;
  const view = await deps.db.transaction().execute(async (trx) => {
    const loaded = await loadRecording(trx, ctx.actor, input, { forUpdate: true });
    let { recording } = loaded;
    // The browser stopped before the room's stop reached the database (the page closed, the socket dropped): its
    // finish stops it first.
    if (recording.state === 'recording' && recording.started_by === ctx.actor.userId) {
      await stopRunningRecording(trx, ctx, deps.now(), recording.session_id, 'mediator');
      recording = (await loadRecording(trx, ctx.actor, input, { forUpdate: true })).recording;
      stoppedHere = true;
    }
    const finished = await completeRecording(deps, trx, ctx, recording, input.chunkCount, {}, ahead);
    return presentRecording(finished, { readerId: ctx.actor.userId, seats: loaded.seats, case: loaded.case });
  });
  if (stoppedHere)
    await sessionSignaling(deps)
      .recordingStopped(input.sessionId, input.recordingId, 'mediator')
      .catch(() => undefined);
  return view;
}
