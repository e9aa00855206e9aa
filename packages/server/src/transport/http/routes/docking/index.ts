import type { RouteModule } from '../../route-module.ts';
import { linkAdminRoutes } from './link-admin.ts';
import { peerLinkRoutes } from './peer-link.ts';

/**
 * The 总对总 docking link's routes, on both platforms: `access: 'peer'` endpoints that receive signed envelopes and
 * serve offered files to the other platform (the use case verifies the signature), and the signed-in pages'
 * endpoints: peers and keys, problems (dead letters, refusals, divergences), a case's message history.
 */
export const dockingRoutes: RouteModule[] = [peerLinkRoutes, linkAdminRoutes];
