import type { RouteModule } from '../../route-module.ts';
import { courtCaseRoutes } from './court-cases.ts';
import { courtDocumentRoutes } from './court-documents.ts';

/**
 * The court mediation platform's own routes (人民法院调解平台): delegation and entrustment (委派/委托), case filing
 * (登记立案) and the court's documents, calling `use-cases/court/`; judicial confirmation (司法确认) comes next.
 */
export const courtRoutes: RouteModule[] = [courtCaseRoutes, courtDocumentRoutes];
