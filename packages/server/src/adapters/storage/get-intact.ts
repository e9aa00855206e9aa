import { type FileStore, StoredFileDamagedError } from './file-store.ts';

/** The stored bytes, or null when missing or damaged — for callers to whom a damaged copy is as good as none. */
export async function getIntact(store: FileStore, sha256: string): Promise<Buffer | null> {
  try {
    return await store.getBytes(sha256);
  } catch (error) {
    if (error instanceof StoredFileDamagedError) return null;
    throw error;
  }
}
