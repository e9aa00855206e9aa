import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/adapters/db/database.ts';
import { buildServer } from '../../scripts/build-server.mjs';
import { freePort, type RunningProcess, spawnUntilHealthy } from '../support/platform-process.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const MIGRATIONS = join(import.meta.dirname, '../../src/adapters/db/migrations');

// The production build: plain JavaScript run by bare `node`. Anything the bundle reads from disk at run time and
// the build forgot (migrations, …) shows up here as a failed start or a missing table.
describe('the compiled server', () => {
  let dist: string;
  let dataDir: string;
  let webDist: string;
  let server: RunningProcess | undefined;
  let url: string;
  beforeAll(async () => {
    // Inside the repository, so the bundle resolves its npm packages from node_modules as it does in packages/server/dist.
    await mkdir(join(ROOT, '.tmp'), { recursive: true });
    dist = await buildServer(join(await mkdtemp(join(ROOT, '.tmp', 'compiled-server-')), 'dist'));
    dataDir = await mkdtemp(join(tmpdir(), 'sutiao-compiled-'));
    webDist = join(dataDir, 'web');
    await mkdir(webDist);
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>诉调通</title>');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const args = [join(dist, 'main.mjs'), '--platform', 'mediation', '--port', String(port), '--quiet'];
    server = await spawnUntilHealthy({
      args: [...args, '--data-dir', dataDir, '--web-dist', webDist],
      healthUrl: `${url}/api/health`,
      env: { DATABASE_URL: '' },
      cwd: dataDir,
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (dist) await rm(join(dist, '..'), { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an embedded database with bare node and answers the API and the web client', async () => {
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', platform: 'mediation', database: 'pglite' });
    // A sign-in reads the users table: 401, not a 500 from a schema that was never created.
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password-x' }),
    });
    expect(login.status).toBe(401);
    expect(await (await fetch(`${url}/cases`)).text()).toContain('诉调通');
  });

  it('applied every migration of the source tree, and its audit CLI verifies the chain', async () => {
    expect(await server!.stop()).toBe(0);
    const db = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    const applied = await sql<{ name: string }>`select name from schema_migrations order by name`
      .execute(db.db)
      .finally(() => db.close());
    const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(applied.rows.map((r) => r.name)).toEqual(files);

    const cli = spawnSync(process.execPath, [join(dist, 'verify-audit-cli.mjs'), '--data-dir', dataDir], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '' },
    });
    expect(cli.stdout).toContain('audit log intact');
    expect(cli.status).toBe(0);
  });
});
