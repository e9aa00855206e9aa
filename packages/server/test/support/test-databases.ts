import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type Engine, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** The PostgreSQL server the database tier runs against (CI starts it; on these machines it is local, trust auth). */
export const TEST_PG_ADMIN_URL =
  process.env.SUTIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Prepare = (db: Database) => Promise<void>;

const pgliteTemplates = new Map<string, Promise<Blob>>();

/**
 * A fresh, migrated database on the chosen engine. PGlite clones a migrated template (≈0.5 s instead of ≈3 s);
 * PostgreSQL gets a new database that `close()` drops.
 */
export async function freshDatabase(
  engine: Engine,
  prepare?: Prepare,
  templateKey = 'migrated',
): Promise<Database> {
  if (engine === 'pglite') {
    let template = pgliteTemplates.get(templateKey);
    template ??= (async () => {
      const db = await openPglite();
      await migrate(db.db);
      if (prepare) await prepare(db);
      const dump = await db.pglite!.dumpDataDir('none');
      await db.close();
      return dump;
    })();
    pgliteTemplates.set(templateKey, template);
    return openPglite({ loadDataDir: await template });
  }
  const name = `sutiao_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 4);
  await migrate(db.db);
  if (prepare) await prepare(db);
  return {
    ...db,
    async close() {
      await db.close();
      await dropTestDatabase(name);
    },
  };
}

/**
 * Drops a test database once its connections are gone. pg's pool.end() resolves before its sockets close; forcing
 * the drop while a backend is still terminating makes the server kill it, and the pool re-emits that as an
 * uncaught 'error' that fails the whole run.
 */
export async function dropTestDatabase(name: string): Promise<void> {
  const drop = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await drop.connect();
  for (let i = 0; i < 100; i++) {
    const { rows } = await drop.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await drop.query(`drop database if exists ${name} with (force)`);
  await drop.end();
}
