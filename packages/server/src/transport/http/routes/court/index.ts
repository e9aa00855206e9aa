import type { RouteModule } from '../../route-module.ts';

/**
 * The court mediation platform's own routes (人民法院调解平台): delegation and entrustment (委派/委托), case filing
 * (登记立案) and judicial confirmation (司法确认) go here, one file per workflow, calling `use-cases/court/`.
 */
export const courtRoutes: RouteModule[] = [];
