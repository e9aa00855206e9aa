import type { Platform } from '@sutiao/domain/roles.ts';
import type { RouteModule } from '../route-module.ts';
import { adminRoutes } from './common/admin.ts';
import { authRoutes } from './common/auth.ts';
import { passwordRoutes } from './common/auth-account.ts';
import { healthRoutes } from './common/health.ts';
import { noticeRoutes } from './common/notices.ts';
import { courtRoutes } from './court/index.ts';
import { dockingRoutes } from './docking/index.ts';
import { mediationRoutes } from './mediation/index.ts';

/** Route modules of both platforms: identity, notices to users, administration, and the docking link. */
export const commonRoutes: RouteModule[] = [
  healthRoutes,
  authRoutes,
  passwordRoutes,
  noticeRoutes,
  adminRoutes,
  ...dockingRoutes,
];

/** Route modules that exist only on one platform. */
export const platformRoutes: Record<Platform, RouteModule[]> = {
  mediation: mediationRoutes,
  court: courtRoutes,
};
