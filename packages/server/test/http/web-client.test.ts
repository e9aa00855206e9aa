import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/transport/http/app.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';

describe('serving the web client', () => {
  let t: TestPlatform;
  let app: FastifyInstance;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), 'sutiao-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>诉调通</title>');
    await writeFile(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await createTestPlatform('pglite', 'mediation', { seed: false });
    app = await buildApp(t.deps, { webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('serves assets, and the app for client-side routes', async () => {
    expect((await app.inject({ url: '/assets/app-1.js' })).body).toBe('console.log(1)');
    const route = await app.inject({ url: '/cases/123?tab=timeline' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('诉调通');
  });

  it('answers 404 for a missing file instead of the app, and JSON 404 for unknown API routes', async () => {
    expect((await app.inject({ url: '/assets/app-0-old.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });
});
