import type { Labels } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type { FigureDefinition } from '@sutiao/domain/statistics/figures.ts';
import type { Period } from '@sutiao/domain/statistics/period.ts';

type Defined = FigureDefinition & { figure: string };
type Values = Record<string, number | null>;

export interface StatisticsSheet {
  period: Period;
  /** What the rows are (月份, 法院, …), or null for the totals alone. */
  groupBy: Labels | null;
  groups: { label: Labels; figures: Values }[];
  totals: Values;
  definitions: Defined[];
  /** Further figures of the period on a sheet of their own (the loss assessments). */
  extra?: { name: string; definitions: Defined[]; values: Values };
}

/**
 * Statistics as an Excel workbook: a row per group and the totals (amounts in yuan, rates formatted as
 * percentages), any further figures, and every figure's definition, so the export carries its meaning.
 */
export async function statisticsWorkbook(input: StatisticsSheet): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('统计 Statistics');
  const by = input.groupBy ?? { zh: '合计', en: 'Total' };
  sheet.addRow([`统计期间 Period: ${input.period.from} – ${input.period.to}`]);
  sheet.addRow([`${by.zh} ${by.en}`, ...input.definitions.map((d) => `${d.label.zh} ${d.label.en}`)]);
  for (const g of input.groups) sheet.addRow([g.label.zh, ...cells(input.definitions, g.figures)]);
  sheet.addRow(['合计 Total', ...cells(input.definitions, input.totals)]);
  input.definitions.forEach((d, i) => {
    const column = sheet.getColumn(i + 2);
    column.width = 14;
    if (d.unit === 'fen') column.numFmt = '#,##0.00';
    if (d.unit === 'rate') column.numFmt = '0.00%';
  });
  sheet.getColumn(1).width = 28;
  if (input.extra) {
    const extra = wb.addWorksheet(input.extra.name);
    for (const d of input.extra.definitions)
      extra.addRow([`${d.label.zh} ${d.label.en}`, ...cells([d], input.extra.values)]);
    extra.getColumn(1).width = 32;
  }
  const defs = wb.addWorksheet('口径 Definitions');
  defs.addRow(['指标', 'Figure', '口径', 'Definition']);
  for (const d of [...input.definitions, ...(input.extra?.definitions ?? [])])
    defs.addRow([d.label.zh, d.label.en, d.definition.zh, d.definition.en]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row's cells: amounts as yuan numbers (exact to the fen at this size), everything else as it is. */
const cells = (definitions: Defined[], values: Values) =>
  definitions.map((d) => {
    const value = values[d.figure] ?? null;
    if (value === null) return '';
    return d.unit === 'fen' ? value / 100 : value;
  });
