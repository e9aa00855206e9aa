import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { type Database, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { memorySink } from '../../src/adapters/notify/notification-sink.ts';
import { createMemoryFileStore } from '../../src/adapters/storage/memory-file-store.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { seedDemo } from '../../src/platform/seed/seed-demo.ts';
import { testDatabaseUrl, waitUntilUnused, withAdmin } from './postgres-admin.ts';
import { testDeps } from './test-deps.ts';

/** The databases test files start from: migrated and empty, or migrated with one platform's demo data. */
export type TemplateKind = 'migrated' | 'mediation-seeded' | 'court-seeded';

const SEEDED: { kind: TemplateKind; platform: Platform }[] = [
  { kind: 'mediation-seeded', platform: 'mediation' },
  { kind: 'court-seeded', platform: 'court' },
];

/** One run's templates: a PGlite data-directory dump file and a PostgreSQL database per kind. */
export interface DatabaseTemplates {
  pgliteDumps: Record<TemplateKind, string>;
  postgresDatabases: Record<TemplateKind, string>;
}

async function seed(database: Database, platform: Platform, sharedPasswordHash: string): Promise<void> {
  const deps = testDeps(database, platform, {
    now: () => new Date(),
    notify: memorySink(),
    storage: createMemoryFileStore(),
  });
  await seedDemo(deps, { sharedPasswordHash });
}

async function dumpTo(database: Database, file: string): Promise<Blob> {
  const dump = await database.pglite!.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return dump;
}

/** PGlite: one instance migrated, dumped, and each seeded kind loaded from that dump, seeded and dumped again. */
async function buildPgliteTemplates(
  dir: string,
  sharedPasswordHash: string,
): Promise<Record<TemplateKind, string>> {
  const files = {
    migrated: join(dir, 'migrated.tar'),
    'mediation-seeded': join(dir, 'mediation-seeded.tar'),
    'court-seeded': join(dir, 'court-seeded.tar'),
  };
  const empty = await openPglite();
  await migrate(empty.db);
  const migrated = await dumpTo(empty, files.migrated);
  await empty.close();
  for (const { kind, platform } of SEEDED) {
    const db = await openPglite({ loadDataDir: migrated });
    await seed(db, platform, sharedPasswordHash);
    await dumpTo(db, files[kind]);
    await db.close();
  }
  return files;
}

/**
 * PostgreSQL: a migrated database, and each seeded kind copied from it and seeded. Connections are then
 * refused on all three, because CREATE DATABASE … TEMPLATE fails while anyone is connected to the template.
 */
async function buildPostgresTemplates(sharedPasswordHash: string): Promise<Record<TemplateKind, string>> {
  // The pid and a random part keep concurrent runs (other engineers, CI jobs) on one server apart.
  const prefix = `sutiao_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = {
    migrated: `${prefix}_migrated`,
    'mediation-seeded': `${prefix}_mediation`,
    'court-seeded': `${prefix}_court`,
  };
  const built = withAdmin(async (admin) => {
    const prepare = async (name: string, from: string | null, work: (db: Database) => Promise<unknown>) => {
      await admin.query(`create database ${name}${from ? ` template ${from}` : ''}`);
      const db = openPostgres(testDatabaseUrl(name), 2);
      try {
        await work(db);
      } finally {
        await db.close();
      }
      await waitUntilUnused(admin, name);
    };
    await prepare(names.migrated, null, (db) => migrate(db.db));
    for (const { kind, platform } of SEEDED) {
      await prepare(names[kind], names.migrated, (db) => seed(db, platform, sharedPasswordHash));
    }
    for (const name of Object.values(names)) {
      await admin.query(`alter database ${name} with allow_connections false`);
    }
  });
  await built.catch(async (error: unknown) => {
    await dropPostgresTemplates(names);
    throw error;
  });
  return names;
}

/**
 * Builds every template once per run with the migrations present now (so a migration added today just works),
 * hashing the demo password once for all of them.
 */
export async function buildDatabaseTemplates(dir: string): Promise<DatabaseTemplates> {
  const sharedPasswordHash = await hash(DEMO_PASSWORD);
  // The two engines build side by side: PGlite works in this process, PostgreSQL in its server.
  const [pglite, postgres] = await Promise.allSettled([
    buildPgliteTemplates(dir, sharedPasswordHash),
    buildPostgresTemplates(sharedPasswordHash),
  ]);
  if (pglite.status === 'rejected') {
    if (postgres.status === 'fulfilled') await dropPostgresTemplates(postgres.value);
    throw pglite.reason;
  }
  if (postgres.status === 'rejected') throw postgres.reason;
  return { pgliteDumps: pglite.value, postgresDatabases: postgres.value };
}

/** Drops a run's PostgreSQL templates (the PGlite dumps go with their temporary folder). */
export async function dropPostgresTemplates(names: Record<TemplateKind, string>): Promise<void> {
  await withAdmin(async (admin) => {
    for (const name of Object.values(names)) await admin.query(`drop database if exists ${name}`);
  });
}
