import { join } from 'node:path';
import { loadPlatformKeys } from '../adapters/crypto/keys.ts';
import { createDockingLink } from '../adapters/docking/docking-link.ts';
import { type Database, openDatabase } from '../adapters/db/database.ts';
import { migrate } from '../adapters/db/migrate.ts';
import { fileSink, type NotificationSink } from '../adapters/notify/notification-sink.ts';
import { pgNotifyBus } from '../adapters/signaling/pg-notify-bus.ts';
import { memoryBus } from '../adapters/signaling/signal-bus.ts';
import { createFsFileStore } from '../adapters/storage/fs-file-store.ts';
import { type Deps, NO_MEDIA_RELAY } from '../deps.ts';
import { dockingOutbox } from '../use-cases/docking/docking-outbox.ts';
import type { PlatformConfig } from './config.ts';

interface Composed {
  deps: Deps;
  database: Database;
}

/** Wires one platform's adapters: its own database, its own keys, its own files. */
export async function composePlatform(
  config: PlatformConfig,
  overrides: { notify?: NotificationSink; now?: () => Date } = {},
): Promise<Composed> {
  const database = await openDatabase({
    ...(config.databaseUrl
      ? { databaseUrl: config.databaseUrl }
      : { dataDir: join(config.dataDir, 'pgdata') }),
  });
  await migrate(database.db);
  const keys = await loadPlatformKeys({ dir: join(config.dataDir, 'keys'), env: process.env });
  const now = overrides.now ?? (() => new Date());
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    platform: config.platform,
    now,
    keys,
    notify: overrides.notify ?? fileSink(join(config.dataDir, 'outbox-notifications.jsonl')),
    storage: createFsFileStore(join(config.dataDir, 'files')),
    publicUrl: config.publicUrl,
    outbox: dockingOutbox(now),
    docking: createDockingLink({ platformId: config.platformId, signer: keys.signer }),
    media: config.media ?? NO_MEDIA_RELAY,
    // Several instances share one PostgreSQL server; the embedded database has one process only.
    signals: config.databaseUrl ? pgNotifyBus(config.databaseUrl) : memoryBus(),
  };
  return { deps, database };
}
