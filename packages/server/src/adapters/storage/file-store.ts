import type { Readable } from 'node:stream';

/**
 * Files kept by content: the name of a file is the SHA-256 of its bytes (64 lowercase hex), so the same content is
 * stored once and a reader can always tell whether what came back is what was put. Every read checks the hash.
 */
export interface FileStore {
  /** Stores the bytes (once per content; a damaged copy is replaced) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null when nothing is stored under the hash; throws StoredFileDamagedError when they don't match it. */
  getBytes(sha256: string): Promise<Buffer | null>;
  /**
   * The bytes as a stream, or null when nothing is stored. The hash is checked as the bytes flow: a damaged file
   * ends the stream with StoredFileDamagedError instead of a clean end, so a download is cut off rather than wrong.
   */
  getStream(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  /** Size in bytes, or null when nothing is stored. */
  size(sha256: string): Promise<number | null>;
}

/** The stored bytes no longer hash to their name: storage was damaged and an operator must restore the file. */
export class StoredFileDamagedError extends Error {
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} does not match its SHA-256`);
    this.name = 'StoredFileDamagedError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything but a SHA-256 hex name: a caller's mistake, and never a path an implementation could follow. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
}
