import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/adapters/db/database.ts';
import { memorySink } from '../../src/adapters/notify/notification-sink.ts';
import { createFsFileStore } from '../../src/adapters/storage/fs-file-store.ts';
import type { SignalBus } from '../../src/adapters/signaling/signal-bus.ts';
import type { Deps } from '../../src/deps.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { buildApp } from '../../src/transport/http/app.ts';
import { freshDatabase, type TestDatabase } from './test-databases.ts';
import { testDeps } from './test-deps.ts';

export { TEST_KEYS } from './test-deps.ts';

export interface TestPlatform {
  deps: Deps;
  database: TestDatabase;
  notifications: ReturnType<typeof memorySink>;
  /** Moves the platform clock; starts at the real time. */
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

/** A platform's dependencies over a fresh database on `engine`, with the demo organizations and users seeded. */
export async function createTestPlatform(
  engine: Engine,
  platform: Platform = 'mediation',
  options: { seed?: boolean; signals?: (database: TestDatabase) => SignalBus } = {},
): Promise<TestPlatform> {
  const notifications = memorySink();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const storageDir = await mkdtemp(join(tmpdir(), 'sutiao-files-'));
  const storage = createFsFileStore(storageDir);
  const seed = options.seed ?? true;
  // Demo data comes from the run's template (seeded once, at its start): timestamps there are minutes old.
  const database = await freshDatabase(engine, seed ? `${platform}-seeded` : 'migrated');
  const deps = testDeps(database, platform, {
    now: () => clock.now,
    notify: notifications,
    storage,
    ...(options.signals ? { signals: options.signals(database) } : {}),
  });
  return {
    deps,
    database,
    notifications,
    clock,
    async close() {
      await database.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestPlatform {
  app: FastifyInstance;
  /** Signs a demo user in; returns the headers later requests need. */
  login(username: string, password?: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
}

export async function createTestApp(
  engine: Engine,
  platform: Platform = 'mediation',
  options: { rateLimits?: boolean; signals?: (database: TestDatabase) => SignalBus } = {},
): Promise<TestApp> {
  const test = await createTestPlatform(
    engine,
    platform,
    options.signals ? { signals: options.signals } : {},
  );
  // Tests sign in dozens of times a minute from one address; the limiter has its own test.
  const app = await buildApp(test.deps, { rateLimits: options.rateLimits ?? false });
  return {
    ...test,
    app,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
    },
    async close() {
      await app.close();
      await test.close();
    },
  };
}

export const randomSuffix = () => randomBytes(4).toString('hex');
