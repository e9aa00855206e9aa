import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from '../../src/transport/http/lazy-schema-compilers.ts';

const Reply = {
  type: 'object',
  properties: { name: { type: 'string' }, count: { type: 'integer' } },
  required: ['name'],
} as const;
const Query = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1 }, tag: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
} as const;

function appWithRoutes() {
  const compilers = lazySchemaCompilers();
  // The same Ajv options as transport/http/app.ts.
  const app = Fastify({
    schemaController: compilers.schemaController,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  compilers.compileAfterListen(app);
  for (const path of ['/a', '/b', '/c']) {
    app.get<{ Querystring: { page?: number; tag?: string[] } }>(
      path,
      { schema: { querystring: Query, response: { 200: Reply } } },
      async (request) => ({
        name: `${path} ${request.query.page ?? '-'} ${JSON.stringify(request.query.tag ?? null)}`,
        count: '7',
        secret: 'must not leave the server',
      }),
    );
  }
  return { app, compilers };
}

// Schemas compile on first use (start-up speed), yet requests are checked and answers written exactly as by the
// eager compilers.
describe('lazy schema compilers', () => {
  it('validate and coerce requests, and serialize answers by the schema, on first use', async () => {
    const { app, compilers } = appWithRoutes();
    await app.ready();
    const before = compilers.pendingCount(); // querystring and response of GET and HEAD of each route
    expect(before).toBe(12);
    const ok = await app.inject({ url: '/a?page=2&tag=x' });
    expect(ok.json()).toEqual({ name: '/a 2 ["x"]', count: 7 });
    expect(compilers.pendingCount()).toBe(before - 2);

    const bad = await app.inject({ url: '/a?page=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring/page must be >= 1');
    const unknown = await app.inject({ url: '/b?other=1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('must NOT have additional properties');
    await app.close();
  });

  it('compile the rest in the background once the server listens', async () => {
    const { app, compilers } = appWithRoutes();
    await app.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 300 && compilers.pendingCount() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(compilers.pendingCount()).toBe(0);
    expect((await app.inject({ url: '/c?page=3' })).json()).toEqual({ name: '/c 3 null', count: 7 });
    await app.close();
  });
});
