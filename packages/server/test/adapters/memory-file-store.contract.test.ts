import { createMemoryFileStore } from '../../src/adapters/storage/memory-file-store.ts';
import { describeFileStoreContract } from './storage.contract.ts';

describeFileStoreContract('in memory', async () => {
  const store = createMemoryFileStore();
  return {
    store,
    damage: async (sha256, bytes) => void store.files.set(sha256, Buffer.from(bytes)),
    cleanup: async () => undefined,
  };
});
