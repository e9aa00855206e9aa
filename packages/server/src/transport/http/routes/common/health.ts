import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../../deps.ts';
import { checkHealth } from '../../../../use-cases/common/check-health.ts';
import type { RouteApp } from '../../route-module.ts';
import { component, replies } from './shared.schemas.ts';

const HealthResponse = component(
  'Health',
  Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  }),
);

export function healthRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and platform identity',
        response: replies({ 200: HealthResponse }),
      },
    },
    async () => checkHealth(deps),
  );
}
