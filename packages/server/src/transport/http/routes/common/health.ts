import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { checkHealth } from '../../../../use-cases/common/check-health.ts';

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

export function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and platform identity',
        response: { 200: HealthResponse },
      },
    },
    async (): Promise<Static<typeof HealthResponse>> => checkHealth(deps),
  );
}
