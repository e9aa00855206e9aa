import { createHash } from 'node:crypto';
import { appError } from '@sutiao/domain/errors.ts';
import { RECORDING_LIMITS, RECORDING_STATE_LABELS } from '@sutiao/domain/sessions/session-recording.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../adapters/db/schema.ts';
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
 * chunks arrive then, up to five minutes after it). The bytes must hash to the SHA-256 the browser sent with them; a chunk sent again with the
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

  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    // Shared lock: a finish (which locks the row for update) cannot slip in between this check and the insert.
    const { recording } = await loadRecording(trx, ctx.actor, input, { forShare: true });
    if (recording.started_by !== ctx.actor.userId) throw appError('FORBIDDEN');
    const late =
      recording.stopped_at !== null &&
      now.getTime() - new Date(recording.stopped_at).getTime() > RECORDING_LIMITS.lateChunkMs;
    if (recording.state === 'finished' || late)
      throw appError('CASE_ILLEGAL_EVENT', {
        state: RECORDING_STATE_LABELS[recording.state],
        event: { zh: '上传录像分段', en: 'upload a chunk' },
      });
    await deps.storage.put(bytes);
    return keepChunk(trx, recording.id, seq, sha256, bytes.length, now);
  });
}

async function keepChunk(
  trx: Kysely<DB>,
  recordingId: string,
  seq: number,
  sha256: string,
  sizeBytes: number,
  now: Date,
): Promise<ChunkReceipt> {
  const inserted = await trx
    .insertInto('session_recording_chunks')
    .values({ recording_id: recordingId, seq, sha256, size_bytes: sizeBytes, received_at: now })
    .onConflict((oc) => oc.columns(['recording_id', 'seq']).doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (inserted) return { seq, sha256, sizeBytes, duplicate: false };
  const kept = await trx
    .selectFrom('session_recording_chunks')
    .select('sha256')
    .where('recording_id', '=', recordingId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  if (kept.sha256 !== sha256) throw appError('RECORDING_CHUNK_CONFLICT');
  return { seq, sha256, sizeBytes, duplicate: true };
}
