import type { Deps } from '../../../../deps.ts';
import { exportCourtStatisticsXlsx } from '../../../../use-cases/court/statistics/export-court-statistics-xlsx.ts';
import { getCourtStatistics } from '../../../../use-cases/court/statistics/get-court-statistics.ts';
import { listCourtFigureCases } from '../../../../use-cases/court/statistics/list-court-figure-cases.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, replies } from '../common/shared.schemas.ts';
import {
  CourtFigureCases,
  CourtFigureCasesQuery,
  CourtStatistics,
  CourtStatisticsQuery,
} from './court-statistics.schemas.ts';

const tags = ['court statistics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The courts' figures for court administrators (a court, a high court over its courts, the SPC over all). */
export function courtStatisticsRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/court/statistics',
    {
      config,
      schema: {
        tags,
        summary: 'Court figures for a period, in total and by a breakdown, with their definitions',
        querystring: CourtStatisticsQuery,
        response: replies({ 200: CourtStatistics }),
      },
    },
    async (request) => getCourtStatistics(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/court/statistics/cases',
    {
      config,
      schema: {
        tags,
        summary: 'The court cases behind one figure (drill-down)',
        querystring: CourtFigureCasesQuery,
        response: replies({ 200: CourtFigureCases }),
      },
    },
    async (request) => listCourtFigureCases(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/court/statistics/export.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'The court figures as an Excel workbook, with a sheet of definitions',
        querystring: CourtStatisticsQuery,
        response: replies({ 200: binary(XLSX, 'The workbook') }),
      },
    },
    async (request, reply) => {
      const { filename, body } = await exportCourtStatisticsXlsx(deps, signedIn(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition(filename, filename))
        .send(body);
    },
  );
}
