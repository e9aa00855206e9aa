import { GROUP_BY_LABELS } from '@sutiao/domain/statistics/dimensions.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { statisticsWorkbook } from '../../common/statistics/statistics-workbook.ts';
import { getStatistics } from './get-statistics.ts';
import type { StatisticsQuery } from './statistics-request.ts';

/** The statistics page as an Excel workbook: the figures per group and in total, the loss assessments, definitions. */
export async function exportStatisticsXlsx(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery,
): Promise<{ filename: string; body: Buffer }> {
  const stats = await getStatistics(deps, ctx, query);
  const body = await statisticsWorkbook({
    period: stats.period,
    groupBy: stats.groupBy ? GROUP_BY_LABELS[stats.groupBy] : null,
    groups: stats.groups,
    totals: stats.totals,
    definitions: stats.definitions,
    extra: { name: '损失核定 Loss assessments', definitions: stats.lossDefinitions, values: stats.loss },
  });
  return { filename: `statistics-${stats.period.from}-${stats.period.to}.xlsx`, body };
}
