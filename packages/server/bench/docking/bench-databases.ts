import pg from 'pg';

/** The PostgreSQL server of the benchmark (local, trust auth): SUTIAO_BENCH_PG_URL or postgres@127.0.0.1:5432. */
const ADMIN_URL = process.env.SUTIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const databaseUrl = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Fresh, empty databases of our own (dropped first if a previous run left them). */
export async function createDatabases(names: readonly string[]): Promise<void> {
  await admin(async (client) => {
    for (const name of names) {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
    }
  });
}

export async function dropDatabases(names: readonly string[]): Promise<void> {
  await admin(async (client) => {
    for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
  });
}
