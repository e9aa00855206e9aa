import { assessInvestorRows, type InvestorResult, type MoneyCents } from './assess-investor';
import { LossInputError, inputError } from './errors';
import { tradeTableFrom, type TradeInput } from './io/parse-trades';
import type { CorporateAction, MarketData } from './market';
import { isValidatedParams, type LossParams, validateParams } from './params';
import { gatherColumns, inDateOrder, kernelApplies, kernelInvestor } from './kernel';
import { buildPlan } from './plan';
import { formatCents } from './rounding';
import { investorOrder, investorStarts, TradeTable } from './trade-table';

export interface AssessOptions {
  /** Attach to every investor the trades used and why each other trade was excluded. */
  explain?: boolean;
  /** Collect per-investor input errors instead of throwing the first. */
  keepGoing?: boolean;
  /** Skip the fast path (tests compare both). */
  forceExact?: boolean;
  /** Only investors with table index in [from, to) (worker partitions). */
  investorRange?: [number, number];
  onProgress?: (doneTrades: number, totalTrades: number) => void;
  /**
   * Receives each result, in investor order, instead of the returned list (which is then empty; the summary
   * still counts every result). For callers that only format the results: they need not all stay in memory.
   */
  onResult?: (r: InvestorResult) => void;
}

export interface InvestorError {
  investorId: string;
  error: LossInputError;
}

export interface CaseSummary {
  investors: number;
  /** Had an eligible buy in W1 of some segment. */
  inRange: number;
  eligible: number;
  withLoss: number;
  zeroLoss: number;
  errors: number;
  /** Investors computed on the safe-integer fast path vs the BigInt fallback. */
  fastPath: number;
  exactPath: number;
  totals: {
    L: string;
    L_deducted: string;
    commission: string;
    stamp_duty: string;
    interest: string;
    total: string;
  };
}

export interface CaseResult {
  results: InvestorResult[];
  errors: InvestorError[];
  summary: CaseSummary;
  /** What the summary counts, to add to other parts (`summaryOf`). */
  parts: SummaryParts;
}

/** Accepts raw parameters (as in case.json) or the output of `validateParams`; throws the first problem. */
export function resolveParams(input: unknown): LossParams {
  if (isValidatedParams(input)) return input;
  const r = validateParams(input);
  if (!r.ok) throw r.errors[0]!;
  return r.params;
}

/**
 * Assesses every investor of a case (docs/loss-rules.md §3–§9). Pure: no I/O. `trades` is a parsed table
 * (`parseTradesCsv`) or any iterable of trade objects.
 */
export function assessCase(
  params: unknown,
  trades: TradeTable | Iterable<TradeInput>,
  market?: MarketData | null,
  actions?: CorporateAction[],
  options: AssessOptions = {},
): CaseResult {
  const p = resolveParams(params);
  const table = trades instanceof TradeTable ? trades : tradeTableFrom(trades);
  const first = table.fileErrors[0];
  if (first) throw first;
  if (p.security === null && table.securities.size > 1)
    throw inputError(
      'MIXED_SECURITIES',
      `交易文件含多个证券（${[...table.securities].slice(0, 5).join(', ')}），请在参数中指定 security`,
      `the trades file holds several securities (${[...table.securities].slice(0, 5).join(', ')}); set "security" in the parameters`,
      { file: table.file, column: table.columnNumber('security'), columnName: 'security' },
    );
  const plan = buildPlan(p, table, market ?? null, actions ?? [], options.explain === true);
  const start = investorStarts(table);
  // Rows grouped by investor, for investors the kernel does not take: built on first need.
  let order: Int32Array | null = null;
  const [from, to] = options.investorRange ?? [0, table.investorIds.length];
  const results: InvestorResult[] = [];
  const errors: InvestorError[] = [];
  // The integer kernel reads each investor's trades contiguously: from the table itself when its rows are
  // grouped by investor (`groupInPlace`), else from copies of the columns in investor order.
  const grouped = table.grouped;
  const off = grouped ? 0 : (start[from] ?? 0);
  const cols =
    options.forceExact !== true && kernelApplies(plan) && to > from
      ? grouped
        ? table
        : gatherColumns(table, start, from, to)
      : null;
  let done = 0;
  let nextReport = 0;
  const onResult = options.onResult;
  let counted = summaryParts([]);
  const emit = (r: InvestorResult): void => {
    if (onResult) {
      count(counted, r);
      onResult(r);
    } else results.push(r);
  };
  for (let inv = from; inv < to; inv++) {
    const s = start[inv]!;
    const e = start[inv + 1]!;
    const investorId = table.investorIds[inv]!;
    const rowError = table.investorErrors.get(inv);
    try {
      if (rowError) throw rowError;
      const k =
        cols && inDateOrder(cols, s - off, e - off)
          ? kernelInvestor(plan, table, inv, cols, null, s - off, e - off)
          : null;
      if (k) emit(k);
      else {
        const rows: number[] = new Array<number>(e - s);
        if (grouped) for (let i = s; i < e; i++) rows[i - s] = i;
        else {
          order ??= investorOrder(table, start);
          for (let i = s; i < e; i++) rows[i - s] = order[i]!;
        }
        emit(assessInvestorRows(plan, table, inv, rows, options.forceExact === true));
      }
    } catch (err) {
      if (!(err instanceof LossInputError) || !options.keepGoing) throw err;
      errors.push({ investorId, error: err });
    }
    done += e - s;
    if (options.onProgress && done >= nextReport) {
      options.onProgress(done, table.count);
      nextReport = done + 100_000;
    }
  }
  if (!options.onResult) counted = summaryParts(results);
  return { results, errors, summary: summaryOf([counted], errors.length), parts: counted };
}

/** What `summarize` counts over a list of results; the parts of several lists add up (`summaryOf`). */
export interface SummaryParts extends MoneyCents {
  results: number;
  inRange: number;
  eligible: number;
  withLoss: number;
  zeroLoss: number;
  fastPath: number;
}

export function summaryParts(results: InvestorResult[]): SummaryParts {
  const s: SummaryParts = {
    results: 0,
    inRange: 0,
    eligible: 0,
    withLoss: 0,
    zeroLoss: 0,
    fastPath: 0,
    L: 0n,
    deducted: 0n,
    commission: 0n,
    stampDuty: 0n,
    interest: 0n,
    total: 0n,
  };
  for (const r of results) count(s, r);
  return s;
}

function count(s: SummaryParts, r: InvestorResult): void {
  s.results++;
  if (r.inRange) s.inRange++;
  if (r.eligible) s.eligible++;
  if (r.money.total > 0n) s.withLoss++;
  else if (r.inRange) s.zeroLoss++;
  if (r.path === 'fast') s.fastPath++;
  s.L += r.money.L;
  s.deducted += r.money.deducted;
  s.commission += r.money.commission;
  s.stampDuty += r.money.stampDuty;
  s.interest += r.money.interest;
  s.total += r.money.total;
}

/** The case summary of results counted in parts (e.g. one per worker thread). */
export function summaryOf(parts: SummaryParts[], errorCount: number): CaseSummary {
  const t = summaryParts([]);
  for (const p of parts) {
    t.results += p.results;
    t.inRange += p.inRange;
    t.eligible += p.eligible;
    t.withLoss += p.withLoss;
    t.zeroLoss += p.zeroLoss;
    t.fastPath += p.fastPath;
    t.L += p.L;
    t.deducted += p.deducted;
    t.commission += p.commission;
    t.stampDuty += p.stampDuty;
    t.interest += p.interest;
    t.total += p.total;
  }
  return {
    investors: t.results + errorCount,
    inRange: t.inRange,
    eligible: t.eligible,
    withLoss: t.withLoss,
    zeroLoss: t.zeroLoss,
    errors: errorCount,
    fastPath: t.fastPath,
    exactPath: t.results - t.fastPath,
    totals: {
      L: formatCents(t.L),
      L_deducted: formatCents(t.deducted),
      commission: formatCents(t.commission),
      stamp_duty: formatCents(t.stampDuty),
      interest: formatCents(t.interest),
      total: formatCents(t.total),
    },
  };
}

export function summarize(results: InvestorResult[], errorCount: number): CaseSummary {
  return summaryOf([summaryParts(results)], errorCount);
}
