import type { Readable } from 'node:stream';
import { appError } from '@sutiao/domain/errors.ts';
import { RECORDING_STATE_LABELS } from '@sutiao/domain/sessions/session-recording.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { auditRecordingAct } from './recording-transition.ts';
import { loadRecording, mayPlay, type RecordingIds } from './load-recording.ts';
import { listChunks, recordingStream } from './recording-chunks.ts';

/**
 * A finished recording to play or download: only for the session's people and the case's mediator (others who can
 * read the case get FORBIDDEN). Each playing is audited, with the digest of what is served.
 */
export async function recordingMedia(
  deps: Deps,
  ctx: SignedInContext,
  ids: RecordingIds,
): Promise<{ mimeType: string; sizeBytes: number; digestSm3: string; stream: Readable }> {
  const { recording, seats, case: c } = await loadRecording(deps.db, ctx.actor, ids);
  if (!mayPlay(ctx.actor.userId, seats, c, recording)) throw appError('FORBIDDEN');
  if (recording.state !== 'finished' || recording.digest_sm3 === null || !recording.chunk_count)
    throw appError('CASE_ILLEGAL_EVENT', {
      state: RECORDING_STATE_LABELS[recording.state],
      event: { zh: '播放录像', en: 'play the recording' },
    });
  // Exactly the chunks the digest was taken over.
  const chunks = (await listChunks(deps.db, recording.id)).filter(
    (c) => c.seq < (recording.chunk_count ?? 0),
  );
  await auditRecordingAct(deps.db, ctx, deps.now(), 'session.recording.play', recording.id, {
    caseId: recording.case_id,
    sessionId: recording.session_id,
    digestSm3: recording.digest_sm3,
  });
  return {
    mimeType: recording.mime_type,
    sizeBytes: Number(recording.size_bytes ?? 0),
    digestSm3: recording.digest_sm3,
    stream: recordingStream(deps.storage, chunks),
  };
}
