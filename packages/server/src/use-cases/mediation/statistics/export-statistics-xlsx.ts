import { GROUP_BY_LABELS } from '@sutiao/domain/statistics/dimensions.ts';
import { FIGURE_KEYS, FIGURES, type Figures } from '@sutiao/domain/statistics/figures.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { getStatistics } from './get-statistics.ts';
import type { StatisticsQuery } from './statistics-request.ts';

/**
 * The statistics as an Excel workbook: one sheet with a row per group and the totals (amounts in yuan, rates as
 * fractions formatted as percentages), and one with every figure's definition, so the export carries its meaning.
 */
export async function exportStatisticsXlsx(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery,
): Promise<{ filename: string; body: Buffer }> {
  const stats = await getStatistics(deps, ctx, query);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('统计 Statistics');
  const by = stats.groupBy ? GROUP_BY_LABELS[stats.groupBy] : { zh: '合计', en: 'Total' };
  sheet.addRow([`统计期间 Period: ${stats.period.from} – ${stats.period.to}`]);
  sheet.addRow([
    `${by.zh} ${by.en}`,
    ...FIGURE_KEYS.map((f) => `${FIGURES[f].label.zh} ${FIGURES[f].label.en}`),
  ]);
  for (const g of stats.groups) sheet.addRow([g.label.zh, ...cells(g.figures)]);
  sheet.addRow(['合计 Total', ...cells(stats.totals)]);
  FIGURE_KEYS.forEach((f, i) => {
    const unit = FIGURES[f].unit;
    const column = sheet.getColumn(i + 2);
    column.width = 14;
    if (unit === 'fen') column.numFmt = '#,##0.00';
    if (unit === 'rate') column.numFmt = '0.00%';
  });
  sheet.getColumn(1).width = 28;
  const loss = wb.addWorksheet('损失核定 Loss assessments');
  for (const d of stats.lossDefinitions) {
    const value = stats.loss[d.figure];
    loss.addRow([`${d.label.zh} ${d.label.en}`, d.unit === 'fen' ? value / 100 : value]);
  }
  loss.getColumn(1).width = 32;
  const defs = wb.addWorksheet('口径 Definitions');
  defs.addRow(['指标', 'Figure', '口径', 'Definition']);
  for (const d of [...stats.definitions, ...stats.lossDefinitions])
    defs.addRow([d.label.zh, d.label.en, d.definition.zh, d.definition.en]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `statistics-${stats.period.from}-${stats.period.to}.xlsx`, body };
}

/** A row's cells: amounts as yuan numbers (exact to the fen at this size), everything else as it is. */
const cells = (figures: Figures) =>
  FIGURE_KEYS.map((f) => {
    const value = figures[f];
    if (value === null) return '';
    return FIGURES[f].unit === 'fen' ? value / 100 : value;
  });
