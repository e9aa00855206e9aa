import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySerializers } from '../../src/transport/http/lazy-serializers.ts';

const Reply = {
  type: 'object',
  properties: { name: { type: 'string' }, count: { type: 'integer' } },
  required: ['name'],
} as const;

function appWithRoutes() {
  const serializers = lazySerializers();
  const app = Fastify({ schemaController: serializers.schemaController });
  serializers.compileAfterListen(app);
  for (const path of ['/a', '/b', '/c']) {
    app.get(path, { schema: { response: { 200: Reply } } }, async () => ({
      name: path,
      count: '7',
      secret: 'must not leave the server',
    }));
  }
  return { app, serializers };
}

// Response schemas compile on first use (start-up speed), yet answer exactly as the eager compiler does.
describe('lazy response serializers', () => {
  it('serialize by the schema on first use: unknown fields dropped, types coerced', async () => {
    const { app, serializers } = appWithRoutes();
    await app.ready();
    const before = serializers.pendingCount(); // GET and HEAD of each route
    expect(before).toBe(6);
    const reply = await app.inject({ url: '/a' });
    expect(reply.json()).toEqual({ name: '/a', count: 7 });
    expect(serializers.pendingCount()).toBe(before - 1);
    await app.close();
  });

  it('compile the rest in the background once the server listens', async () => {
    const { app, serializers } = appWithRoutes();
    await app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 50 && serializers.pendingCount() > 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(serializers.pendingCount()).toBe(0);
    const reply = await app.inject({ url: '/c' });
    expect(reply.json()).toEqual({ name: '/c', count: 7 });
    await app.close();
  });
});
