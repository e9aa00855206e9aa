import { COURT_GROUP_BY_LABELS } from '@sutiao/domain/statistics/court-figures.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { statisticsWorkbook } from '../../common/statistics/statistics-workbook.ts';
import type { CourtStatisticsQuery } from './court-statistics-scope.ts';
import { getCourtStatistics } from './get-court-statistics.ts';

/** The court statistics page as an Excel workbook: the figures per group and in total, and their definitions. */
export async function exportCourtStatisticsXlsx(
  deps: Deps,
  ctx: SignedInContext,
  query: CourtStatisticsQuery,
): Promise<{ filename: string; body: Buffer }> {
  const stats = await getCourtStatistics(deps, ctx, query);
  const body = await statisticsWorkbook({
    period: stats.period,
    groupBy: stats.groupBy ? COURT_GROUP_BY_LABELS[stats.groupBy] : null,
    groups: stats.groups,
    totals: stats.totals,
    definitions: stats.definitions,
  });
  return { filename: `court-statistics-${stats.period.from}-${stats.period.to}.xlsx`, body };
}
