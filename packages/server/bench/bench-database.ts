import pg from 'pg';

export const BENCH_DB = 'sutiao_bench';
export const PG_ADMIN_URL = process.env.SUTIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseUrl(): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

/** Drops and recreates the dedicated benchmark database; no other database is touched. */
export async function recreateBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
}

export async function connectBench(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  return client;
}

export async function serverVersion(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? 'unknown';
  } finally {
    await admin.end();
  }
}
