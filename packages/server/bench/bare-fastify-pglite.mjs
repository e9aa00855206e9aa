// The anchor of `npm run bench:start`: the least a Fastify + PGlite server can do — open the embedded database
// (same options as adapters/db/database.ts) and answer one route with `select 1`. Plain JavaScript, no loader.
// Usage: node bare-fastify-pglite.mjs <port> <pgdata dir>
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';

const [port, dataDir] = process.argv.slice(2);
const db = await PGlite.create({ dataDir, parsers: { 20: (v) => Number(v), 1700: (v) => v } });
const app = Fastify();
app.get('/api/health', async () => {
  await db.query('select 1');
  return { status: 'ok' };
});
await app.listen({ host: '127.0.0.1', port: Number(port) });
const close = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
