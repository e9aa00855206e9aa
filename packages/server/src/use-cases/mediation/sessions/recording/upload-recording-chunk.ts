import { createHash } from 'node:crypto';
import { appError } from '@sutiao/domain/errors.ts';
import { RECORDING_LIMITS, RECORDING_STATE_LABELS } from '@sutiao/domain/sessions/session-recording.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { loadRecording, type RecordingIds } from './load-recording.ts';

const invalid = (zh: string, en: string) => appError('RECORDING_CHUNK_INVALID', { reason: { zh, en } });

export interface ChunkReceipt {
  seq: number;
  sha256: string;
  sizeBytes: number;
  /** The same chunk had already arrived (a retried upload whose answer was lost). */
  duplicate: boolean;
}

/**
 * One numbered chunk of a recording from the mediator's browser, while it records and after it stopped (the last
 * chunks arrive then). The bytes must hash to the SHA-256 the browser sent with them; a chunk sent again with the
 * same bytes is accepted once (retries are safe), with other bytes it is refused and the first one kept.
 */
export async function uploadRecordingChunk(
  deps: Deps,
  ctx: SignedInContext,
  input: RecordingIds & { seq: number; sha256: string | undefined; bytes: Buffer },
): Promise<ChunkReceipt> {
  const { seq, bytes } = input;
  if (!Number.isInteger(seq) || seq < 0 || seq >= RECORDING_LIMITS.maxChunks)
    throw invalid(`序号须在 0 至 ${RECORDING_LIMITS.maxChunks - 1} 之间`, 'chunk number out of range');
  if (bytes.length === 0) throw invalid('分段为空', 'empty chunk');
  if (bytes.length > RECORDING_LIMITS.maxChunkBytes) throw invalid('分段过大', 'chunk too large');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (input.sha256 === undefined || input.sha256.toLowerCase() !== sha256)
    throw invalid('内容与 x-chunk-sha256 不符', 'bytes do not match the x-chunk-sha256 header');

  const { recording } = await loadRecording(deps.db, ctx.actor, input);
  if (recording.started_by !== ctx.actor.userId) throw appError('FORBIDDEN');
  if (recording.state === 'finished')
    throw appError('CASE_ILLEGAL_EVENT', {
      state: RECORDING_STATE_LABELS.finished,
      event: { zh: '上传录像分段', en: 'upload a chunk' },
    });
  await deps.storage.put(bytes);
  const inserted = await deps.db
    .insertInto('session_recording_chunks')
    .values({
      recording_id: recording.id,
      seq,
      sha256,
      size_bytes: bytes.length,
      received_at: deps.now(),
    })
    .onConflict((oc) => oc.columns(['recording_id', 'seq']).doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (inserted) return { seq, sha256, sizeBytes: bytes.length, duplicate: false };
  const kept = await deps.db
    .selectFrom('session_recording_chunks')
    .select('sha256')
    .where('recording_id', '=', recording.id)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  if (kept.sha256 !== sha256) throw appError('RECORDING_CHUNK_CONFLICT');
  return { seq, sha256, sizeBytes: bytes.length, duplicate: true };
}
