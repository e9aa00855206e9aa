// Worker thread: assesses a range of investors of a shared trade table.
import { parentPort, workerData } from 'node:worker_threads';
import { assessCase } from '../assess-case';
import { countLines, parseTradeRange } from '../io/fast-trades';
import { resultCsvLine } from '../io/format-results';
import { type ErrorCode, type ErrorLocation, LossInputError } from '../errors';
import type { CorporateAction, MarketData } from '../market';
import { moveColumn, type TableSnapshot, TradeTable } from '../trade-table';
import type { GroupJob } from './parallel-group';
import type { Placement, RangeJob } from './parallel-parse';

export interface Job {
  kind?: 'assess';
  /** 'csv': send back the CSV lines of the results and their summary parts instead of the results. */
  output?: 'results' | 'csv';
  params: unknown;
  table: TableSnapshot;
  market: MarketData | null;
  actions: CorporateAction[];
  range: [number, number];
  keepGoing: boolean;
  explain: boolean;
  /** Investors with row errors from parsing (index → plain error). */
  rowErrors: [number, PlainError][];
}

export interface PlainError {
  code: ErrorCode;
  zh: string;
  en: string;
  where: ErrorLocation;
}

export const revive = (e: PlainError): LossInputError => new LossInputError(e.code, e.zh, e.en, e.where);
export const plain = (e: LossInputError): PlainError => ({
  code: e.code,
  zh: e.zh,
  en: e.en,
  where: e.where,
});

// A job comes as workerData (one job per thread) or, when that is null, as messages (`Threads`: a parse
// range, answered in two steps — its line count, then, given its placement, the range — or an assessment).
const job = workerData as Job | RangeJob | null;
/** The parse waiting for its placement. */
let placed: ((p: Placement) => void) | null = null;
if (parentPort) {
  if (job) {
    if (job.kind === 'parse') parse(job);
    else run(job);
  } else
    parentPort.on('message', (m: Job | RangeJob | GroupJob | Placement) => {
      if ('kind' in m && m.kind === 'parse') parse(m);
      else if ('kind' in m && m.kind === 'group') group(m);
      else if ('columns' in m && placed) {
        const p = placed;
        placed = null;
        p(m);
      } else run(m as Job);
    });
}

function parse(j: RangeJob): void {
  const port = parentPort!;
  const fail = (e: unknown) =>
    port.postMessage({ fatal: { message: e instanceof Error ? e.message : String(e) } });
  try {
    const t0 = performance.now();
    placed = (p: Placement) => {
      try {
        const t1 = performance.now();
        const range = parseTradeRange(j.path, j.start, j.end, p.columns, p.at, p.capacity);
        if (process.env.SUTIAO_LOSS_TIMING)
          process.stderr.write(
            `  parse worker ${j.start}-${j.end}: lines counted in ${(t1 - t0).toFixed(0)} ms, parsed in ${(performance.now() - t1).toFixed(0)} ms\n`,
          );
        port.postMessage({ range });
      } catch (e) {
        fail(e);
      }
    };
    port.postMessage({ lines: countLines(j.path, j.start, j.end) });
  } catch (e) {
    fail(e);
  }
}

/** Moves the job's columns to their grouped places (`cli/parallel-group.ts`). */
function group(j: GroupJob): void {
  try {
    const scratch = new Int32Array(j.count);
    for (const name of j.names) moveColumn(j.columns, j.count, name, j.grouping, scratch);
    parentPort?.postMessage({ grouped: true });
  } catch (e) {
    parentPort?.postMessage({ fatal: { message: e instanceof Error ? e.message : String(e) } });
  }
}

function run(job: Job): void {
  const T0 = performance.now();
  const lap = (what: string) =>
    process.env.SUTIAO_LOSS_TIMING &&
    process.stderr.write(
      `  worker ${job.range.join('-')} ${what} ${(performance.now() - T0).toFixed(0)} ms\n`,
    );
  const table = TradeTable.fromSnapshot(job.table);
  lap('table');
  for (const [i, e] of job.rowErrors) table.investorErrors.set(i, revive(e));
  try {
    // 'csv': each result becomes its CSV line at once (the results need not all stay in memory).
    const lines: string[] = [];
    const csv = job.output === 'csv';
    const r = assessCase(job.params, table, job.market, job.actions, {
      investorRange: job.range,
      keepGoing: true,
      explain: job.explain,
      onResult: csv ? (x) => lines.push(resultCsvLine(x)) : undefined,
    });
    lap('assessed');
    const errors = r.errors.map((e) => ({ investorId: e.investorId, error: plain(e.error) }));
    if (csv) {
      parentPort?.postMessage({ csv: lines.join(''), parts: r.parts, errors });
    } else parentPort?.postMessage({ results: r.results, errors });
  } catch (e) {
    parentPort?.postMessage({
      fatal: e instanceof LossInputError ? plain(e) : { message: e instanceof Error ? e.message : String(e) },
    });
  }
}
