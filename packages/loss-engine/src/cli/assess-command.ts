import { readFile, stat, writeFile } from 'node:fs/promises';
import { assessCase, type CaseSummary, type InvestorError, summarize, summaryOf } from '../assess-case';
import type { InvestorResult } from '../assess-investor';
import { inputError, LossInputError } from '../errors';
import {
  ERROR_COLUMNS,
  EXPLAIN_COLUMNS,
  errorCsvLine,
  explainCsvLines,
  RESULT_COLUMNS,
  resultCsvHeader,
  resultCsvLine,
  resultRow,
} from '../io/format-results';
import { csvLine } from '../io/csv';
import { parseActionsCsv, parseMarketCsv } from '../io/parse-market';
import { parseTradesFileFast } from '../io/fast-trades';
import { TradeRowParser } from '../io/parse-trades';
import type { TradeTable } from '../trade-table';
import { type LossParams, validateParams } from '../params';
import type { CorporateAction, MarketData } from '../market';
import { isXlsx, readRecords, readSmallAsCsv, writeAtomically, writeXlsx } from './files';
import { groupOnThreads } from './parallel-group';
import { parseTradesFileParallel } from './parallel-parse';
import { Progress } from './progress';
import { assessInWorkers } from './run-workers';
import { Threads } from './worker-url';

export interface AssessArgs {
  params: string;
  trades: string;
  market?: string;
  actions?: string;
  out: string;
  keepGoing: boolean;
  workers: number;
  /** --workers was given: use that many threads whatever the file's size (else only from `AUTO_THREADS`). */
  workersGiven?: boolean;
  explain?: string;
  progress?: boolean;
}

const LARGE = 50_000_000; // bytes of trades: show progress even without a TTY
/**
 * Trades files at least this large are parsed on the worker threads (smaller ones are not worth starting them);
 * tests set SUTIAO_LOSS_PARALLEL_PARSE_MIN to 0.
 */
const PARALLEL_PARSE = Number(process.env.SUTIAO_LOSS_PARALLEL_PARSE_MIN ?? 4 << 20);
/**
 * Without --workers, threads are used for trades files from this size (~1 M trades): below it, their fixed
 * costs (starting, every range registering all ids, the join) outweigh the parallel work — measured at 0.5 M
 * trades and 55 k investors, 2 threads took 1.7 × the CPU time of one.
 */
const AUTO_THREADS = 64 << 20;

/** `sutiao-loss assess`: returns the process exit code. */
export async function assessCommand(args: AssessArgs): Promise<number> {
  let a = args;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(a.params, 'utf8'));
  } catch (e) {
    throw inputError(
      'FILE',
      `无法读取参数 JSON：${(e as Error).message}`,
      `cannot read parameter JSON: ${(e as Error).message}`,
      {
        file: a.params,
      },
    );
  }
  const v = validateParams(raw, a.params);
  if (!v.ok) return report(v.errors);
  const market = a.market ? parseMarketCsv(await readSmallAsCsv(a.market), a.market) : null;
  const actions = a.actions ? parseActionsCsv(await readSmallAsCsv(a.actions), a.actions) : [];

  const size = (await stat(a.trades).catch(() => ({ size: 0 }))).size;
  if (!a.workersGiven && size < AUTO_THREADS) a = { ...a, workers: 1 };
  const show = a.progress ?? (process.stderr.isTTY === true || size > LARGE);
  const parallel = !isXlsx(a.trades) && a.workers > 1 && size >= PARALLEL_PARSE;
  // One set of threads parses the ranges, then assesses.
  const threads = new Threads();
  try {
    return await assess(a, raw, v.params, market, actions, size, show, parallel, threads);
  } finally {
    await threads.close();
  }
}

async function assess(
  a: AssessArgs,
  raw: unknown,
  params: LossParams,
  market: MarketData | null,
  actions: CorporateAction[],
  size: number,
  show: boolean,
  parallel: boolean,
  threads: Threads,
): Promise<number> {
  const T0 = performance.now();
  const C0 = process.cpuUsage();
  // SUTIAO_LOSS_TIMING=1: wall time and CPU time (all threads) since the start of the parse.
  const lap = (what: string) => {
    if (!process.env.SUTIAO_LOSS_TIMING) return;
    const c = process.cpuUsage(C0);
    process.stderr.write(
      `${what} ${(performance.now() - T0).toFixed(0)} ms (CPU ${((c.user + c.system) / 1000).toFixed(0)} ms, RSS ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB)\n`,
    );
  };
  const parseBar = new Progress('parse  ', show);
  const onBytes = (read: number, total: number) => parseBar.update(read, total, ' bytes');
  const fast = !isXlsx(a.trades);
  // The parallel parse or the fast byte parser, or — for XLSX, quotes, or any row they do not accept — the
  // generic one (which also produces the error messages).
  const table =
    (parallel ? await parseTradesFileParallel(a.trades, size, a.workers, threads) : null) ??
    (fast ? parseTradesFileFast(a.trades, size, onBytes) : null) ??
    (await parseGeneric(a.trades, size, onBytes));
  parseBar.done();
  lap('parsed');
  if (table.fileErrors.length > 0) return report(table.fileErrors);
  // Every row problem (not only each investor's first), so the file can be corrected in one round.
  if (!a.keepGoing && table.investorErrors.size > 0)
    return report(
      table.rowProblems.map((p) => p.error),
      table.rowProblemsOmitted,
    );
  // Each investor's rows together: the assessment reads them in place instead of from a copy. A table in
  // shared memory (the parallel parse's) is grouped on the threads.
  if (a.workers > 1 && table.investor.buffer instanceof SharedArrayBuffer)
    await groupOnThreads(table, threads, a.workers);
  else table.groupInPlace();
  lap('grouped');

  let results: InvestorResult[];
  let errors: InvestorError[];
  let summary: CaseSummary | undefined;
  /** The result CSV lines, when the worker threads formatted them. */
  let csv: string | undefined;
  try {
    if (a.workers > 1 && table.investorIds.length > 1) {
      const lines = !isXlsx(a.out) && a.explain === undefined;
      const w = await assessInWorkers(
        raw,
        table,
        market,
        actions,
        a.workers,
        a.explain !== undefined,
        lines ? 'csv' : 'results',
        threads,
      );
      ({ results, errors, csv } = w);
      if (w.parts) summary = summaryOf(w.parts, errors.length);
    } else {
      const bar = new Progress('compute', show);
      // CSV out and no explanation: each result becomes its line at once (results need not stay in memory).
      const lines: string[] | null = !isXlsx(a.out) && a.explain === undefined ? [] : null;
      ({ results, errors, summary } = assessCase(params, table, market, actions, {
        keepGoing: true,
        explain: a.explain !== undefined,
        onProgress: (d, t) => bar.update(d, t, ' trades'),
        onResult: lines ? (r) => lines.push(resultCsvLine(r)) : undefined,
      }));
      if (lines) csv = lines.join('');
      bar.done();
    }
  } catch (e) {
    if (e instanceof LossInputError) return report([e]);
    throw e;
  }
  if (!a.keepGoing && errors.length > 0) return report(errors.map((e) => e.error));
  lap('assessed');

  if (csv !== undefined) {
    const body = csv;
    await writeAtomically(a.out, (tmp) => writeFile(tmp, resultCsvHeader() + body));
  } else await writeResults(a.out, results);
  lap('written');
  if (a.explain)
    await writeAtomically(a.explain, (tmp) =>
      writeFile(tmp, `${EXPLAIN_COLUMNS.join(',')}\n${results.map(explainCsvLines).join('')}`),
    );
  const errorsPath = `${a.out}.errors.csv`;
  if (errors.length > 0) {
    // Investors left out for bad rows: every problem of their rows, then the other investors' errors.
    const badRows = new Set(table.rowProblems.map((p) => p.investor));
    const listed: InvestorError[] = [
      ...table.rowProblems.map((p) => ({ investorId: table.investorIds[p.investor]!, error: p.error })),
      ...errors.filter((e) => {
        const i = table.investorIndex.get(e.investorId);
        return i === undefined || !badRows.has(i);
      }),
    ];
    await writeAtomically(errorsPath, (tmp) =>
      writeFile(tmp, csvLine(ERROR_COLUMNS) + listed.map(errorCsvLine).join('')),
    );
    if (table.rowProblemsOmitted > 0)
      process.stderr.write(
        `… 另有 ${table.rowProblemsOmitted} 个行错误未列出 / and ${table.rowProblemsOmitted} more row problems not listed\n`,
      );
  }
  const s = summary ?? summarize(results, errors.length);
  process.stdout.write(
    [
      `案件汇总 / case summary`,
      `  投资者 investors:              ${s.investors}`,
      `  索赔范围内 in range:           ${s.inRange}`,
      `  有损失 with loss:              ${s.withLoss}`,
      `  零损失 zero loss:              ${s.zeroLoss}`,
      `  错误 errors:                   ${s.errors}${s.errors > 0 ? ` (${errorsPath})` : ''}`,
      `  投资差额损失 L:                ${s.totals.L}`,
      `  扣除系统风险后 L_deducted:     ${s.totals.L_deducted}`,
      `  佣金 commission:               ${s.totals.commission}`,
      `  印花税 stamp duty:             ${s.totals.stamp_duty}`,
      `  利息 interest:                 ${s.totals.interest}`,
      `  合计 total:                    ${s.totals.total}`,
      `  output: ${a.out}`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function writeResults(out: string, results: InvestorResult[]): Promise<void> {
  if (isXlsx(out)) {
    await writeAtomically(out, (tmp) =>
      writeXlsx(
        tmp,
        RESULT_COLUMNS,
        (function* () {
          for (const r of results) {
            const row = resultRow(r);
            yield RESULT_COLUMNS.map((c) => row[c]);
          }
        })(),
      ),
    );
    return;
  }
  await writeAtomically(out, async (tmp) => {
    const parts: string[] = [resultCsvHeader()];
    for (const r of results) parts.push(resultCsvLine(r));
    await writeFile(tmp, parts.join(''));
  });
}

async function parseGeneric(
  path: string,
  size: number,
  onBytes: (read: number, total: number) => void,
): Promise<TradeTable> {
  const parser = new TradeRowParser(path, Math.max(1024, Math.ceil(size / 48)));
  let header = true;
  await readRecords(
    path,
    (fields, line) => {
      if (header) {
        header = false;
        parser.header(fields, line);
      } else parser.row(fields, line);
    },
    onBytes,
  );
  return parser.table;
}

/**
 * Prints input errors (at most 50) in Chinese and English, and how many more there are (`omitted`: errors
 * counted but not kept); exit code 2.
 */
export function report(errors: LossInputError[], omitted = 0): number {
  for (const e of errors.slice(0, 50)) process.stderr.write(`错误 error: ${e.message}\n`);
  const more = Math.max(0, errors.length - 50) + omitted;
  if (more > 0) process.stderr.write(`… 另有 ${more} 个错误 / and ${more} more errors\n`);
  return 2;
}
