import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomToken } from '../../../lib/ids.ts';

/** Where a file with this SHA-256 lives: <storageDir>/<first two hex digits>/<sha256>. */
export function storedPath(storageDir: string, sha256: string): string {
  return join(storageDir, sha256.slice(0, 2), sha256);
}

/** Stores bytes by content: the same content is written once; a temp file + rename never leaves half a file. */
export async function storeByHash(storageDir: string, sha256: string, data: Uint8Array): Promise<void> {
  const path = storedPath(storageDir, sha256);
  try {
    await access(path);
    return;
  } catch {
    // not stored yet
  }
  await mkdir(join(storageDir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${path}.${randomToken(6)}.part`;
  await writeFile(temp, data);
  await rename(temp, path);
}
