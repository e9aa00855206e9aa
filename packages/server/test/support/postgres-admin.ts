import pg from 'pg';

/** The PostgreSQL server the database tier runs against (CI starts it; on these machines it is local, trust auth). */
export const TEST_PG_ADMIN_URL =
  process.env.SUTIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on one admin connection to the test server. */
export async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Waits (up to 2 s) until no backend is connected to `name`. pg's pool.end() resolves before its sockets close,
 * and a database can neither be copied as a template nor dropped cleanly while a backend is still terminating.
 */
export async function waitUntilUnused(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Drops a test database once its connections are gone. Forcing the drop while a backend is still terminating
 * makes the server kill it, and the pool re-emits that as an uncaught 'error' that fails the whole run.
 */
export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    await waitUntilUnused(admin, name);
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}
