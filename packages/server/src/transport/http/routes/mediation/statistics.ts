import type { Deps } from '../../../../deps.ts';
import { exportStatisticsXlsx } from '../../../../use-cases/mediation/statistics/export-statistics-xlsx.ts';
import { getStatistics } from '../../../../use-cases/mediation/statistics/get-statistics.ts';
import { listFigureCases } from '../../../../use-cases/mediation/statistics/list-figure-cases.ts';
import { publicStatistics } from '../../../../use-cases/mediation/statistics/public-statistics.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, replies } from '../common/shared.schemas.ts';
import {
  FigureCases,
  FigureCasesQuery,
  PublicStatistics,
  PublicStatisticsQuery,
  Statistics,
  StatisticsQuery,
} from './statistics.schemas.ts';

const tags = ['statistics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The figures (DOMAIN §5) for regulators and organization administrators, their drill-down and export; public totals. */
export function statisticsRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/statistics',
    {
      config,
      schema: {
        tags,
        summary: 'Figures for a period, in total and by a breakdown, with their definitions',
        querystring: StatisticsQuery,
        response: replies({ 200: Statistics }),
      },
    },
    async (request) => getStatistics(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/statistics/cases',
    {
      config,
      schema: {
        tags,
        summary: 'The cases behind one figure (drill-down)',
        querystring: FigureCasesQuery,
        response: replies({ 200: FigureCases }),
      },
    },
    async (request) => listFigureCases(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/statistics/export.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'The figures as an Excel workbook, with a sheet of definitions',
        querystring: StatisticsQuery,
        response: replies({ 200: binary(XLSX, 'The workbook') }),
      },
    },
    async (request, reply) => {
      const { filename, body } = await exportStatisticsXlsx(deps, signedIn(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition(filename, filename))
        .send(body);
    },
  );
  app.get(
    '/api/public/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A year’s public statistics, with small-count suppression (no cell under 10)',
        querystring: PublicStatisticsQuery,
        response: replies({ 200: PublicStatistics }),
      },
    },
    async (request) => publicStatistics(deps, request.query),
  );
}
