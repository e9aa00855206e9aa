import { LossInputError, parseActionsCsv, parseMarketCsv, parseTradesCsv } from '@sutiao/loss-engine';
import type { LossFileKind } from '../../../adapters/db/loss-schema.ts';
import { looksLikeXlsx, xlsxToCsv } from '../../../adapters/xlsx/xlsx-to-csv.ts';
import { type InvestorEntry, parseInvestorList } from './investor-list.ts';
import { type LossProblem, sortProblems, toProblem } from './loss-problems.ts';

type ParsedUpload =
  | { ok: true; rows: number; investors: InvestorEntry[] }
  | { ok: false; problems: LossProblem[] };

const fileProblem = (file: string, zh: string, en: string): LossProblem => ({
  code: 'FILE',
  file,
  line: null,
  column: null,
  columnName: null,
  zh,
  en,
});

/** The upload as CSV text: XLSX converted, UTF-8 required (a GBK export shows up here, not as garbled names). */
export async function uploadText(bytes: Uint8Array, name: string): Promise<string | LossProblem> {
  if (looksLikeXlsx(bytes)) {
    try {
      return await xlsxToCsv(bytes);
    } catch {
      return fileProblem(name, 'XLSX 文件无法读取', 'the XLSX file cannot be read');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem(name, '文件不是 UTF-8 编码的 CSV', 'the file is not UTF-8 encoded CSV');
  }
}

/** Parses one upload with the engine's own parsers, so what is accepted here is what the run will read. */
export async function parseUpload(
  kind: LossFileKind,
  name: string,
  bytes: Uint8Array,
): Promise<ParsedUpload> {
  const text = await uploadText(bytes, name);
  if (typeof text !== 'string') return { ok: false, problems: [text] };
  if (kind === 'investors') {
    const { entries, problems } = parseInvestorList(text, name);
    return problems.length > 0
      ? { ok: false, problems: sortProblems(problems) }
      : { ok: true, rows: entries.length, investors: entries };
  }
  if (kind === 'trades') {
    const table = parseTradesCsv(text, name);
    // Every problem of every row (up to the table's cap), so a file is fixed in one round, not one per error.
    const errors = [...table.fileErrors, ...table.rowProblems.map((p) => p.error)];
    if (errors.length > 0) {
      const omitted = table.rowProblemsOmitted;
      const more =
        omitted > 0
          ? [fileProblem(name, `另有 ${omitted} 个问题未列出`, `${omitted} more problems not listed`)]
          : [];
      return { ok: false, problems: [...sortProblems(errors.map(toProblem)), ...more] };
    }
    if (table.count === 0)
      return { ok: false, problems: [fileProblem(name, '文件中没有交易记录', 'the file holds no trades')] };
    return { ok: true, rows: table.count, investors: [] };
  }
  try {
    const rows =
      kind === 'market' ? parseMarketCsv(text, name).days.length : parseActionsCsv(text, name).length;
    return { ok: true, rows, investors: [] };
  } catch (e) {
    if (e instanceof LossInputError) return { ok: false, problems: [toProblem(e)] };
    throw e;
  }
}
