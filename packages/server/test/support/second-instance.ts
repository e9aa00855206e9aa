import type { FastifyInstance } from 'fastify';
import { openPostgres } from '../../src/adapters/db/database.ts';
import { pgNotifyBus } from '../../src/adapters/signaling/pg-notify-bus.ts';
import { memoryBus, type SignalBus } from '../../src/adapters/signaling/signal-bus.ts';
import type { Deps } from '../../src/deps.ts';
import { buildApp } from '../../src/transport/http/app.ts';
import { listenOnce } from './signaling-client.ts';
import type { TestDatabase } from './test-databases.ts';
import { testDeps } from './test-deps.ts';
import type { TestApp } from './test-platform.ts';

/** The signal bus a deployment gives an instance: NOTIFY on PostgreSQL, the process's own network on PGlite. */
export const instanceBus = (database: TestDatabase): SignalBus =>
  database.url ? pgNotifyBus(database.url) : memoryBus();

export interface OtherInstance {
  app: FastifyInstance;
  deps: Deps;
  /** Its WebSocket base address. */
  base: string;
  close(): Promise<void>;
}

/**
 * Another server instance of the test app's platform, over the same database (on PostgreSQL through its own pool, as
 * another process would) with its own signal bus, and the test app's clock, notices and files.
 */
export async function otherInstance(t: TestApp): Promise<OtherInstance> {
  const url = t.database.url;
  const database = url ? { ...openPostgres(url, 4), url } : t.database;
  const deps = testDeps(database, t.deps.platform, {
    now: t.deps.now,
    notify: t.deps.notify,
    storage: t.deps.storage,
    signals: instanceBus(database),
  });
  const app = await buildApp(deps, { rateLimits: false });
  const base = await listenOnce({ app });
  let closed = false;
  return {
    app,
    deps,
    base,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (database !== t.database) await database.close();
    },
  };
}
