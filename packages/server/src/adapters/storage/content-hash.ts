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

/** Passes bytes through while hashing them; fails the stream at its end when they don't hash to `sha256`. */
export function hashCheckingStream(sha256: string): Transform {
  const hash: Hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      callback(hash.digest('hex') === sha256 ? null : new StoredFileDamagedError(sha256));
    },
  });
}
