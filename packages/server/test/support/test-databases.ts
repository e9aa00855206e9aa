import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, type Engine, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import type { TemplateKind } from './database-templates.ts';
import { dropTestDatabase, testDatabaseUrl, withAdmin } from './postgres-admin.ts';

export { dropTestDatabase, TEST_PG_ADMIN_URL } from './postgres-admin.ts';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

function templates() {
  const built = inject('databaseTemplates');
  if (!built) {
    throw new Error('no database templates: run the server tests through the root vitest.config.ts');
  }
  return built;
}

/** A test's database; on PostgreSQL its address, so another server instance can open it too. */
export type TestDatabase = Database & { url: string | null };

// A test file may open several databases of one kind; its process reads each dump file once.
const pgliteDumps = new Map<TemplateKind, Promise<Blob>>();

/**
 * A fresh copy of one of the run's templates (built once by global-setup.ts): PGlite loads the template's
 * data-directory dump (≈0.5 s instead of ≈3 s to create and migrate); PostgreSQL gets a new database copied from the
 * template database, which `close()` drops.
 */
export async function freshDatabase(engine: Engine, kind: TemplateKind = 'migrated'): Promise<TestDatabase> {
  if (engine === 'pglite') {
    let dump = pgliteDumps.get(kind);
    dump ??= readFile(templates().pgliteDumps[kind]).then((bytes) => new Blob([bytes]));
    pgliteDumps.set(kind, dump);
    return { ...(await openPglite({ loadDataDir: await dump })), url: null };
  }
  const name = `sutiao_t_${randomBytes(6).toString('hex')}`;
  const template = templates().postgresDatabases[kind];
  await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
  const url = testDatabaseUrl(name);
  const db = openPostgres(url, 4);
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await dropTestDatabase(name);
    },
  };
}
