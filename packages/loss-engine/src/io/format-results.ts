import type { InvestorResult } from '../assess-investor';
import type { InvestorError } from '../assess-case';
import { RESULT_COLUMNS, type ResultColumn } from '../result-columns';
import { csvLine } from './csv';

export { RESULT_COLUMNS, type ResultColumn };

const PER_SEGMENT = ['N', 'C', 'Ns', 'Ps', 'Nh', 'B', 'r'] as const;
const money = (c: bigint): string => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
};

/**
 * The docs/loss-rules.md §10 row. With several segments, per-segment figures are joined with "|" in segment
 * order; money columns are the investor's totals.
 */
export function resultRow(r: InvestorResult): Record<ResultColumn, string> {
  const seg = (k: (typeof PER_SEGMENT)[number]): string => r.segments.map((s) => s[k]).join('|');
  return {
    investor_id: r.investorId,
    eligible: r.eligible ? 'true' : 'false',
    reason: r.reason,
    N: seg('N'),
    C: seg('C'),
    Ns: seg('Ns'),
    Ps: seg('Ps'),
    Nh: seg('Nh'),
    B: seg('B'),
    L: money(r.money.L),
    r: seg('r'),
    L_deducted: money(r.money.deducted),
    commission: money(r.money.commission),
    stamp_duty: money(r.money.stampDuty),
    interest: money(r.money.interest),
    total: money(r.money.total),
  };
}

export function resultCsvHeader(): string {
  return csvLine(RESULT_COLUMNS);
}

export function resultCsvLine(r: InvestorResult): string {
  const row = resultRow(r);
  return csvLine(RESULT_COLUMNS.map((c) => row[c]));
}

export function resultsToCsv(results: InvestorResult[]): string {
  return resultCsvHeader() + results.map(resultCsvLine).join('');
}

export const ERROR_COLUMNS = [
  'investor_id',
  'code',
  'file',
  'line',
  'column',
  'column_name',
  'message_zh',
  'message_en',
] as const;

export function errorCsvLine(e: InvestorError): string {
  const w = e.error.where;
  return csvLine([
    e.investorId,
    e.error.code,
    w.file ?? '',
    w.line === undefined ? '' : String(w.line),
    w.column === undefined ? '' : String(w.column),
    w.columnName ?? '',
    e.error.zh,
    e.error.en,
  ]);
}

export const EXPLAIN_COLUMNS = [
  'investor_id',
  'line',
  'account_id',
  'segment',
  'window',
  'used',
  'code',
  'reason_zh',
  'reason_en',
] as const;

export function explainCsvLines(r: InvestorResult): string {
  return (r.trades ?? [])
    .map((t) =>
      csvLine([
        r.investorId,
        String(t.line),
        t.account,
        String(t.segment),
        t.window,
        String(t.used),
        t.code,
        t.zh,
        t.en,
      ]),
    )
    .join('');
}
