import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The embedded instance, when the engine is PGlite (tests clone it with dumpDataDir). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Both engines return int8 and count(*) as JS numbers (exact below 2^53: fen up to ¥90 trillion)
// and numeric as strings, so code never sees BigInt on one engine and strings on the other.
const INT8 = 20;
const NUMERIC = 1700;

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => v },
  });
  const pool = new PGlitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client dies when the server restarts or fails over; unhandled, pg's 'error' event would end the
  // process. The pool drops that client and the next query opens a new connection.
  pool.on('error', (error) => console.error(`PostgreSQL idle client error: ${error.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  // DATABASE_POOL_SIZE: connections per server process (default 10), for tuning under load (bench, issue 2).
  if (options.databaseUrl)
    return openPostgres(options.databaseUrl, Number(process.env.DATABASE_POOL_SIZE) || 10);
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
