import { Readable } from 'node:stream';
import { checkedBytes, hashCheckingStream, sha256Hex } from './content-hash.ts';
import { assertSha256, type FileStore } from './file-store.ts';

/** A FileStore in a Map, for tests and throwaway instances; `files` is exposed so tests can damage a copy. */
export function createMemoryFileStore(): FileStore & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  const lookup = (sha256: string) => {
    assertSha256(sha256);
    return files.get(sha256);
  };
  return {
    files,
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const stored = files.get(sha256);
      // A copy, so the caller reusing its buffer can't change what is stored; a damaged copy is replaced.
      if (!stored || sha256Hex(stored) !== sha256) files.set(sha256, Buffer.from(bytes));
      return sha256;
    },
    async getBytes(sha256) {
      const stored = lookup(sha256);
      return stored ? checkedBytes(sha256, Buffer.from(stored)) : null;
    },
    async getStream(sha256) {
      const stored = lookup(sha256);
      return stored ? Readable.from([Buffer.from(stored)]).pipe(hashCheckingStream(sha256)) : null;
    },
    has: async (sha256) => lookup(sha256) !== undefined,
    size: async (sha256) => lookup(sha256)?.length ?? null,
  };
}
