import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsFileStore } from '../../src/adapters/storage/fs-file-store.ts';
import { describeFileStoreContract } from './storage.contract.ts';

const storedPath = (dir: string, sha256: string) => join(dir, sha256.slice(0, 2), sha256);

describeFileStoreContract('file system', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sutiao-store-'));
  return {
    store: createFsFileStore(dir),
    damage: (sha256, bytes) => writeFile(storedPath(dir, sha256), bytes),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('file-system FileStore layout', () => {
  it('keeps <dir>/<two hex>/<sha256> with no temp file left, and reads files the old file store wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sutiao-store-'));
    try {
      const store = createFsFileStore(dir);
      const hash = await store.put(Buffer.from('evidence'));
      await store.put(Buffer.from('evidence'));
      expect(await readdir(join(dir, hash.slice(0, 2)))).toEqual([hash]);

      // Existing deployments have files in this layout: they are found where they lie.
      const earlier = Buffer.from('written before the FileStore port existed');
      const earlierHash = createHash('sha256').update(earlier).digest('hex');
      await mkdir(join(dir, earlierHash.slice(0, 2)), { recursive: true });
      await writeFile(storedPath(dir, earlierHash), earlier);
      expect((await store.getBytes(earlierHash))?.equals(earlier)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('closes the stored file when a reader abandons a download (no descriptor left open)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sutiao-store-'));
    // Which of this process's descriptors are open on `path` (Linux: /proc/self/fd).
    const openOn = async (path: string) => {
      const fds = await readdir('/proc/self/fd');
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((target) => target === path).length;
    };
    try {
      const store = createFsFileStore(dir);
      const hash = await store.put(Buffer.alloc(3 * 1024 * 1024, 1));
      const stream = (await store.getStream(hash))!;
      for await (const _chunk of stream) break;
      await expect.poll(() => openOn(storedPath(dir, hash))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
