import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { randomToken } from '../../lib/ids.ts';
import { checkedBytes, hashCheckingStream, sha256Hex } from './content-hash.ts';
import { assertSha256, type FileStore } from './file-store.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * A FileStore in a directory: `<dir>/<first two hex digits>/<sha256>` (the layout uploads have always used, so
 * existing files stay readable). One machine only: several instances need a shared store (docs/storage.md).
 */
export function createFsFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => {
    assertSha256(sha256);
    return join(dir, sha256.slice(0, 2), sha256);
  };

  const size = async (sha256: string) => {
    try {
      return (await stat(pathOf(sha256))).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  const getBytes = async (sha256: string) => {
    try {
      return checkedBytes(sha256, await readFile(pathOf(sha256)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      // Always written, temp file + rename: a reader never sees half a file, two writers of the same content both
      // end intact, and a damaged copy is replaced — cheaper than reading a stored copy back to check it.
      const temp = `${path}.${randomToken(6)}.part`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      return sha256;
    },
    getBytes,
    async getStream(sha256): Promise<Readable | null> {
      if ((await size(sha256)) === null) return null;
      // pipeline: a read error fails the returned stream, and a reader that gives up closes the file.
      return pipeline(createReadStream(pathOf(sha256)), hashCheckingStream(sha256), () => undefined);
    },
    has: async (sha256) => (await size(sha256)) !== null,
    size,
  };
}
