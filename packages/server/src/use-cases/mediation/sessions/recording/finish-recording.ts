import type { Deps, SignedInContext } from '../../../../deps.ts';
import { completeRecording } from './complete-recording.ts';
import { loadRecording, type RecordingIds } from './load-recording.ts';
import { presentRecording, type RecordingView } from './present-recording.ts';

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
  return deps.db.transaction().execute(async (trx) => {
    const { recording, seats, case: c } = await loadRecording(trx, ctx.actor, input, { forUpdate: true });
    const finished = await completeRecording(deps, trx, ctx, recording, input.chunkCount);
    return presentRecording(finished, { readerId: ctx.actor.userId, seats, case: c });
  });
}
