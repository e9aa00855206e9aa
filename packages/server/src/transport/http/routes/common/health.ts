import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../../deps.ts';
import { checkHealth } from '../../../../use-cases/common/check-health.ts';
import type { RouteApp } from '../../route-module.ts';
import { component, replies } from './shared.schemas.ts';
import { verifyRoutes } from './verify.ts';

const HealthResponse = component(
  'Health',
  Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    platform: Type.Union([Type.Literal('court'), Type.Literal('mediation')]),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  }),
);

/** Public routes of both platforms: liveness, and the verification of documents by code (verify.ts). */
export function healthRoutes(app: RouteApp, deps: Deps) {
  verifyRoutes(app, deps);
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
