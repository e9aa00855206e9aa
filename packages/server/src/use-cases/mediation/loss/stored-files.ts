import { getIntact } from '../../../adapters/storage/get-intact.ts';
import type { Deps } from '../../../deps.ts';

/** The stored bytes, or null when missing or not matching their name (a damaged file is as good as none). */
export const getStored = (deps: Deps, sha256: string): Promise<Buffer | null> =>
  getIntact(deps.storage, sha256);
