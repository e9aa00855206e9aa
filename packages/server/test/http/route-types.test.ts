import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RouteApp } from '../../src/transport/http/route-module.ts';
import { componentSchemas, replies } from '../../src/transport/http/routes/common/shared.schemas.ts';

const Counted = Type.Object({ count: Type.Integer() });

/** Routes register on a bare app here, the way registerRoutes does: components first, then typed routes. */
async function appWith(register: (app: RouteApp) => void) {
  const app = Fastify();
  for (const schema of componentSchemas()) app.addSchema(schema);
  register(app.withTypeProvider<TypeBoxTypeProvider>());
  await app.ready();
  return app;
}

describe('routes typed and serialized by their response schemas', () => {
  it('a handler answering another shape than its schema fails type-check (tsc -p packages/server)', async () => {
    const app = await appWith((typed) => {
      typed.get('/right', { schema: { response: replies({ 200: Counted }) } }, async () => ({ count: 1 }));
      // @ts-expect-error a string where the schema says integer (no overload accepts the handler)
      typed.get('/wrong', { schema: { response: replies({ 200: Counted }) } }, async () => ({
        count: 'one',
      }));
    });
    expect((await app.inject({ url: '/right' })).json()).toEqual({ count: 1 });
    await app.close();
  });

  it('sends only what the schema declares, and errors as the shared {code, message}', async () => {
    const app = await appWith((typed) => {
      typed.get('/extra', { schema: { response: replies({ 200: Counted }) } }, async () => {
        const row = { count: 2, secret: 'not in the contract' };
        return row;
      });
      // A field outside the shared Error body: it must not leave the server, which only `replies`' 4xx schema ensures.
      typed.get('/fails', { schema: { response: replies({ 200: Counted }) } }, async (_request, reply) =>
        reply
          .status(409)
          .send({ code: 'CASE_STATE_CONFLICT', message: 'moved', stack: 'at internals' } as never),
      );
    });
    expect((await app.inject({ url: '/extra' })).json()).toEqual({ count: 2 });
    const failed = await app.inject({ url: '/fails' });
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toEqual({ code: 'CASE_STATE_CONFLICT', message: 'moved' });
    await app.close();
  });
});
