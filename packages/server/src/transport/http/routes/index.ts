import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import type { RouteModule } from '../route-module.ts';
import { adminRoutes } from './common/admin.ts';
import { authRoutes } from './common/auth.ts';
import { passwordRoutes } from './common/auth-account.ts';
import { evaluationVersionRoutes } from './common/evaluation-versions.ts';
import { healthRoutes } from './common/health.ts';
import { noticeRoutes } from './common/notices.ts';
import { trainingRoutes } from './common/training.ts';
import { componentSchemas } from './common/shared.schemas.ts';
import { courtRoutes } from './court/index.ts';
import { dockingRoutes } from './docking/index.ts';
import { mediationRoutes } from './mediation/index.ts';

/** Route modules of both platforms: identity, notices to users, administration, training, and the docking link. */
const commonRoutes: RouteModule[] = [
  healthRoutes,
  authRoutes,
  passwordRoutes,
  noticeRoutes,
  adminRoutes,
  trainingRoutes,
  evaluationVersionRoutes,
  ...dockingRoutes,
];

/** Route modules that exist only on one platform. */
const platformRoutes: Record<Platform, RouteModule[]> = {
  mediation: mediationRoutes,
  court: courtRoutes,
};

/** Registers this platform's routes, typed by their schemas, after the named shapes they refer to. */
export function registerRoutes(app: FastifyInstance, deps: Deps): void {
  for (const schema of componentSchemas()) app.addSchema(schema);
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const register of [...commonRoutes, ...platformRoutes[deps.platform]]) register(typed, deps);
}
