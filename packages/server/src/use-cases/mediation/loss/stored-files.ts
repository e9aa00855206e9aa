import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Deps } from '../../../deps.ts';
import { storeByHash, storedPath } from '../uploads/file-store.ts';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Stores bytes content-addressed (the uploads layout) and returns their SHA-256. */
export async function putStored(deps: Deps, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await storeByHash(deps.storageDir, sha256, bytes);
  return sha256;
}

/** The stored bytes, or null when missing or not matching their name (a damaged file is as good as none). */
export async function getStored(deps: Deps, sha256: string): Promise<Buffer | null> {
  try {
    const bytes = await readFile(storedPath(deps.storageDir, sha256));
    return sha256Hex(bytes) === sha256 ? bytes : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
