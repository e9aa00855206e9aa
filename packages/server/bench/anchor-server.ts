import Fastify from 'fastify';
import pg from 'pg';

// The bare anchor of `npm run bench`: the least an HTTP request that changes something durably can cost here —
// Fastify parses a JSON body and answers JSON, and in between one transaction inserts one row into PostgreSQL
// (begin, insert, commit with the same synchronous commit). Same database server, same pool size, same
// connections and load generator as the submissions: their ratio says how much of the machine the platform spends.
// Usage: node --import tsx anchor-server.ts <port> <databaseUrl>
const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.DATABASE_POOL_SIZE) || 10,
});
await pool.query(
  'create table if not exists bench_anchor (id bigserial primary key, at timestamptz not null, body jsonb not null)',
);
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ ok: true }));
// The read anchor: one round trip to PostgreSQL per request, nothing else.
app.get('/anchor', async () => {
  const { rows } = await pool.query<{ now: string }>('select now()::text as now');
  return { now: rows[0]?.now };
});
app.post('/anchor', async (request) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ id: string }>(
      'insert into bench_anchor (at, body) values (now(), $1) returning id',
      [JSON.stringify(request.body)],
    );
    await client.query('commit');
    return { id: rows[0]?.id };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
});
await app.listen({ host: '127.0.0.1', port: Number(port) });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
