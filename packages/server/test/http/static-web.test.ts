import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/transport/http/app.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const SCRIPT = `console.log(${JSON.stringify('诉调通 '.repeat(200))});`;
const INDEX =
  '<!doctype html><title>诉调通</title><script type="module" src="/assets/index-abc123.js"></script>';

// The built web client: headers, encodings and the single-page fallback, on a fixture laid out as `vite build`
// writes it (vite.config.ts).
describe('serving the built web client', () => {
  let t: TestPlatform;
  let app: FastifyInstance;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), 'sutiao-static-'));
    await mkdir(join(dist, 'assets'));
    await mkdir(join(dist, '.vite'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, '.vite', 'manifest.json'), '{}');
    const asset = join(dist, 'assets', 'index-abc123.js');
    await writeFile(asset, SCRIPT);
    await writeFile(`${asset}.br`, brotliCompressSync(SCRIPT));
    await writeFile(`${asset}.gz`, gzipSync(SCRIPT));
    // An asset the build left uncompressed (too small to gain): served as is, still immutable.
    await writeFile(join(dist, 'assets', 'tiny-def456.css'), 'a{}');
    t = await createTestPlatform('pglite', 'mediation', { seed: false });
    app = await buildApp(t.deps, { webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends the brotli file to a browser that accepts br, gzip to one that accepts only gzip', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const reply of [br, gz, plain]) expect(reply.headers.vary).toContain('accept-encoding');
  });

  it('caches hashed assets for a year as immutable, and never caches index.html', async () => {
    for (const url of ['/assets/index-abc123.js', '/assets/tiny-def456.css']) {
      const reply = await get(url, 'br');
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html', '/cases/123?tab=timeline']) {
      const reply = await get(url, 'br, gzip');
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toBe(INDEX);
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers 404 for a missing asset and for the build manifest, not the app; JSON 404 for unknown API routes', async () => {
    // A missing asset (e.g. of an older build) must not get index.html, or the browser reports a MIME error.
    for (const url of ['/assets/index-0ld000.js', '/assets/index-0ld000.js.br', '/.vite/manifest.json']) {
      const reply = await get(url, 'br');
      expect(reply.statusCode, url).toBe(404);
      expect(reply.headers['cache-control'], url).toBeUndefined();
    }
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });
});
