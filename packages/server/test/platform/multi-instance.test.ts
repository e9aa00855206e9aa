import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { openPostgres } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { memorySink } from '../../src/adapters/notify/notification-sink.ts';
import { createMemoryFileStore } from '../../src/adapters/storage/memory-file-store.ts';
import type { Deps } from '../../src/deps.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { seedDemo } from '../../src/platform/seed/seed-demo.ts';
import { buildApp } from '../../src/transport/http/app.ts';
import { dropTestDatabase, TEST_PG_ADMIN_URL } from '../support/test-databases.ts';
import { testDeps } from '../support/test-deps.ts';

// Several stateless instances of one platform share a PostgreSQL database behind a load balancer.
describe('two instances of the mediation platform on one PostgreSQL database', () => {
  const name = `sutiao_t_multi_${randomBytes(4).toString('hex')}`;
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await dropTestDatabase(name);
  });

  it('migrate concurrently, share sessions, and keep one unbroken audit chain under concurrent writes', async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const instances = [openPostgres(url.toString(), 4), openPostgres(url.toString(), 4)];
    for (const db of instances) closers.push(() => db.close());

    // Both start at once: the advisory lock lets exactly one apply each migration.
    const applied = await Promise.all(instances.map((db) => migrate(db.db)));
    const files = (await readdir(new URL('../../src/adapters/db/migrations/', import.meta.url))).filter((f) =>
      f.endsWith('.sql'),
    );
    expect(applied.flat().sort()).toEqual(files.sort());

    const deps = instances.map(
      (database): Deps =>
        testDeps(database, 'mediation', {
          now: () => new Date(),
          notify: memorySink(),
          storage: createMemoryFileStore(),
        }),
    );
    await seedDemo(deps[0]!);
    const apps = await Promise.all(deps.map((d) => buildApp(d, { rateLimits: false })));
    for (const app of apps) closers.push(() => app.close());

    // A session made on instance A is valid on instance B.
    const login = await apps[0]!.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'investor1', password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await apps[1]!.inject({ url: '/api/me', headers: { cookie } })).json().user.username).toBe(
      'investor1',
    );

    // Concurrent audited writes from both instances.
    const attempts = Array.from({ length: 40 }, (_, i) =>
      apps[i % 2]!.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `nobody-${i % 7}`, password: 'wrong-password-x' },
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    const verdict = await auditVerdictAfterIntegration(deps[1]!);
    expect(verdict.ok).toBe(true);
    expect(verdict.records).toBeGreaterThanOrEqual(42);
  });
});
