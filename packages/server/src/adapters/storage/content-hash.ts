import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import { StoredFileDamagedError } from './file-store.ts';

/** SHA-256 of the bytes as 64 lowercase hex: the name a FileStore keeps them under. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The bytes if they hash to `sha256`; otherwise the store is damaged. */
export function checkedBytes(sha256: string, bytes: Buffer): Buffer {
  if (sha256Hex(bytes) !== sha256) throw new StoredFileDamagedError(sha256);
  return bytes;
}

/**
 * Passes bytes through while hashing them, holding back the latest chunk until the end: when the bytes don't hash to
 * `sha256` that chunk is never sent and the stream fails, so a reader (or an HTTP client counting content-length)
 * never receives a complete damaged file.
 */
export function hashCheckingStream(sha256: string): Transform {
  const hash: Hash = createHash('sha256');
  let held: Buffer | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      const previous = held;
      held = chunk;
      callback(null, previous ?? undefined);
    },
    flush(callback) {
      if (hash.digest('hex') !== sha256) return callback(new StoredFileDamagedError(sha256));
      callback(null, held ?? undefined);
    },
  });
}
