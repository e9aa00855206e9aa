import type { RouteModule } from '../../route-module.ts';
import { courtCaseRoutes } from './court-cases.ts';
import { courtDocumentRoutes } from './court-documents.ts';
import { courtEvaluationRoutes } from './court-evaluation.ts';
import { courtStatisticsRoutes } from './court-statistics.ts';

/**
 * The court mediation platform's own routes (人民法院调解平台): delegation and entrustment (委派/委托), case filing
 * (登记立案), the court's documents, the courts' statistics and scorecards, calling `use-cases/court/`.
 */
export const courtRoutes: RouteModule[] = [
  courtCaseRoutes,
  courtDocumentRoutes,
  courtStatisticsRoutes,
  courtEvaluationRoutes,
];
