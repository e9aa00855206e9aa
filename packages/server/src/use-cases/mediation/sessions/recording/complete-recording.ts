import type { Kysely } from 'kysely';
import { appError } from '@sutiao/domain/errors.ts';
import { missingChunks } from '@sutiao/domain/sessions/session-recording.ts';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import type { RecordingRow } from './load-recording.ts';
import { type ChunkRow, type Digest, digestRecording, listChunks } from './recording-chunks.ts';
import { auditRecordingAct, recordingNext } from './recording-transition.ts';

/**
 * Finishes a stopped recording in the caller's transaction (its row locked): chunks 0 … count − 1 must all be there,
 * the file they make is digested (SM3) and measured, the row is finished and the digest goes into the audit trail —
 * the record anyone can compare the played file with. `ctx` null: the platform finishes an abandoned recording, with
 * what arrived. `ahead`: a digest taken before the transaction (reading a long recording inside it would hold the
 * row, and on the embedded database the platform, for seconds), used when the chunks are still exactly those.
 */
export async function completeRecording(
  deps: Deps,
  trx: Kysely<DB>,
  ctx: SignedInContext | null,
  recording: RecordingRow,
  chunkCount: number,
  note: Record<string, unknown> = {},
  ahead?: { chunks: readonly ChunkRow[]; digest: Digest },
): Promise<RecordingRow> {
  const byMediator = ctx === null || ctx.actor.userId === recording.started_by;
  const to = recordingNext(recording.state, 'finish', byMediator);
  const chunks = await listChunks(trx, recording.id);
  const missing = missingChunks(
    chunks.map((c) => c.seq),
    chunkCount,
  );
  if (missing.length > 0)
    throw appError('RECORDING_INCOMPLETE', { missing: missing.slice(0, 20).join(', ') });
  if (chunks.length > chunkCount)
    throw appError('RECORDING_CHUNK_INVALID', {
      reason: { zh: `已上传的分段多于 ${chunkCount} 段`, en: `more than ${chunkCount} chunks were uploaded` },
    });
  const same =
    ahead !== undefined &&
    ahead.chunks.length === chunks.length &&
    ahead.chunks.every((c, i) => c.seq === chunks[i]?.seq && c.sha256 === chunks[i]?.sha256);
  const { sm3, sizeBytes } = same ? ahead.digest : await digestRecording(deps.storage, chunks);
  const now = deps.now();
  const finished = await trx
    .updateTable('session_recordings')
    .set({
      state: to,
      version: recording.version + 1,
      finished_at: now,
      chunk_count: chunkCount,
      size_bytes: sizeBytes,
      digest_sm3: sm3,
    })
    .where('id', '=', recording.id)
    .where('version', '=', recording.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditRecordingAct(trx, ctx, now, 'session.recording.finish', recording.id, {
    caseId: recording.case_id,
    sessionId: recording.session_id,
    digestSm3: sm3,
    sizeBytes,
    chunkCount,
    mimeType: recording.mime_type,
    consented: recording.consented_user_ids,
    ...note,
  });
  return finished;
}
