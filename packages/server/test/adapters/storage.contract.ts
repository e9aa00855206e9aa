import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileStore, StoredFileDamagedError } from '../../src/adapters/storage/file-store.ts';

export interface StoreUnderTest {
  store: FileStore;
  /** Overwrites what is stored under `sha256` behind the store's back, as a failing disk would. */
  damage(sha256: string, bytes: Uint8Array): Promise<void>;
  cleanup(): Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The cases every FileStore implementation must pass. */
export function describeFileStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  describe(`FileStore contract: ${name}`, () => {
    let t: StoreUnderTest;
    beforeEach(async () => {
      t = await create();
    });
    afterEach(() => t.cleanup());

    const pdf = Buffer.from('%PDF-1.7 调解协议书\n', 'utf8');
    const large = Buffer.alloc(3 * 1024 * 1024 + 17, 7); // several stream chunks

    it('put returns the SHA-256; get as bytes and as a stream give the bytes back', async () => {
      for (const bytes of [pdf, large, new Uint8Array(0)]) {
        const hash = await t.store.put(bytes);
        expect(hash).toBe(sha256(bytes));
        expect((await t.store.getBytes(hash))?.equals(Buffer.from(bytes))).toBe(true);
        const stream = await t.store.getStream(hash);
        expect((await readAll(stream!)).equals(Buffer.from(bytes))).toBe(true);
        expect(await t.store.has(hash)).toBe(true);
        expect(await t.store.size(hash)).toBe(bytes.length);
      }
    });

    it('lets a reader stop part-way (a download the client abandons): the stream ends destroyed, the file intact', async () => {
      const hash = await t.store.put(large);
      const stream = (await t.store.getStream(hash))!;
      const closed = new Promise((resolve) => stream.on('close', resolve));
      for await (const _chunk of stream) break; // leaving the loop destroys the stream
      await closed;
      expect(stream.destroyed).toBe(true);
      expect((await t.store.getBytes(hash))?.equals(large)).toBe(true);
    });

    it('answers null or false for content never stored', async () => {
      const absent = sha256(Buffer.from('never stored'));
      expect(await t.store.getBytes(absent)).toBeNull();
      expect(await t.store.getStream(absent)).toBeNull();
      expect(await t.store.has(absent)).toBe(false);
      expect(await t.store.size(absent)).toBeNull();
    });

    it('stores the same content once, and concurrent puts of it all succeed', async () => {
      const hashes = await Promise.all([1, 2, 3, 4].map(() => t.store.put(Buffer.from(pdf))));
      expect(new Set(hashes)).toEqual(new Set([sha256(pdf)]));
      expect((await t.store.getBytes(sha256(pdf)))?.equals(pdf)).toBe(true);
    });

    it('keeps what was put even when the caller later changes its buffer', async () => {
      const bytes = Buffer.from(pdf);
      const hash = await t.store.put(bytes);
      bytes.fill(0);
      expect((await t.store.getBytes(hash))?.equals(pdf)).toBe(true);
    });

    it('refuses a damaged file on every read, and a new put of the content repairs it', async () => {
      const hash = await t.store.put(pdf);
      const damaged = Buffer.from(pdf);
      damaged[3] = damaged[3]! ^ 1;
      await t.damage(hash, damaged);
      await expect(t.store.getBytes(hash)).rejects.toBeInstanceOf(StoredFileDamagedError);
      const stream = await t.store.getStream(hash);
      await expect(readAll(stream!)).rejects.toBeInstanceOf(StoredFileDamagedError);
      // Not all of a damaged file gets out before the error: a download stops short of its content-length.
      for (const bytes of [pdf, large]) {
        const stored = await t.store.put(bytes);
        const flipped = Buffer.from(bytes);
        flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
        await t.damage(stored, flipped);
        let received = 0;
        const reading = (async () => {
          for await (const chunk of (await t.store.getStream(stored))!) received += (chunk as Buffer).length;
        })();
        await expect(reading).rejects.toBeInstanceOf(StoredFileDamagedError);
        expect(received).toBeLessThan(bytes.length);
      }

      await t.damage(hash, pdf.subarray(0, 5)); // truncated
      await expect(t.store.getBytes(hash)).rejects.toBeInstanceOf(StoredFileDamagedError);

      expect(await t.store.put(pdf)).toBe(hash);
      expect((await t.store.getBytes(hash))?.equals(pdf)).toBe(true);
    });

    it('refuses names that are not SHA-256 hex, so no name can reach outside the store', async () => {
      for (const bad of ['../../etc/passwd', sha256(pdf).toUpperCase(), sha256(pdf).slice(1), '']) {
        await expect(t.store.getBytes(bad)).rejects.toThrow(/SHA-256/);
        await expect(t.store.getStream(bad)).rejects.toThrow(/SHA-256/);
        await expect(t.store.has(bad)).rejects.toThrow(/SHA-256/);
        await expect(t.store.size(bad)).rejects.toThrow(/SHA-256/);
      }
    });
  });
}
