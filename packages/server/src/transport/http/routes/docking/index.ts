import type { RouteModule } from '../../route-module.ts';

/**
 * The 总对总 docking link's routes, on both platforms: `access: 'peer'` endpoints that receive signed envelopes from
 * the other platform and call `use-cases/docking/`. Registered on both platforms.
 */
export const dockingRoutes: RouteModule[] = [];
