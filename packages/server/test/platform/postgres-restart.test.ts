import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/adapters/db/database.ts';
import { dropTestDatabase, TEST_PG_ADMIN_URL } from '../support/test-databases.ts';

describe('the PostgreSQL pool when the server kills its connections', () => {
  const name = `sutiao_t_kill_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropTestDatabase(name));

  it('survives the idle clients being terminated and reconnects on the next query', async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 2);
    try {
      await sql`select 1`.execute(db.db);
      // What a server restart or failover does to idle connections.
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await new Promise((r) => setTimeout(r, 200));
      const after = await sql<{ n: number }>`select 2 as n`.execute(db.db);
      expect(after.rows[0]?.n).toBe(2);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
