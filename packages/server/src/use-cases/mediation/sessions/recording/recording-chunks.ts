import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../adapters/db/schema.ts';
import { sm3Hasher } from '../../../../adapters/crypto/sm3.ts';
import type { FileStore } from '../../../../adapters/storage/file-store.ts';

export interface ChunkRow {
  seq: number;
  sha256: string;
  size_bytes: number;
}

export function listChunks(db: Kysely<DB>, recordingId: string): Promise<ChunkRow[]> {
  return db
    .selectFrom('session_recording_chunks')
    .select(['seq', 'sha256', 'size_bytes'])
    .where('recording_id', '=', recordingId)
    .orderBy('seq')
    .execute();
}

/** A chunk the file store no longer has: the recording cannot be put together. */
export class MissingChunkError extends Error {
  constructor(readonly seq: number) {
    super(`recording chunk ${seq} is not in the file store`);
  }
}

/**
 * The recording's bytes: its chunks in order, each read from the file store, which checks it against its SHA-256 as
 * it flows (a damaged chunk cuts the stream off rather than letting wrong bytes through).
 */
export function recordingStream(storage: FileStore, chunks: readonly ChunkRow[]): Readable {
  async function* bytes() {
    for (const chunk of chunks) {
      const stream = await storage.getStream(chunk.sha256);
      if (!stream) throw new MissingChunkError(chunk.seq);
      for await (const piece of stream) yield piece as Buffer;
    }
  }
  return Readable.from(bytes());
}

export interface Digest {
  sm3: string;
  sizeBytes: number;
}

/** The SM3 digest and size of the recording put together from its chunks. */
export async function digestRecording(storage: FileStore, chunks: readonly ChunkRow[]): Promise<Digest> {
  const hasher = sm3Hasher();
  let sizeBytes = 0;
  for await (const piece of recordingStream(storage, chunks)) {
    hasher.update(piece as Buffer);
    sizeBytes += (piece as Buffer).length;
  }
  return { sm3: hasher.hex(), sizeBytes };
}
