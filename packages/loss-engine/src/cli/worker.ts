// Worker thread: assesses a range of investors of a shared trade table.
import { parentPort, workerData } from 'node:worker_threads';
import { assessCase } from '../assess-case';
import { type ErrorCode, type ErrorLocation, LossInputError } from '../errors';
import type { CorporateAction, MarketData } from '../market';
import { type TableSnapshot, TradeTable } from '../trade-table';

interface Job {
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

const job = workerData as Job | null;
if (job && parentPort) run(job);

function run(job: Job): void {
  const table = TradeTable.fromSnapshot(job.table);
  for (const [i, e] of job.rowErrors) table.investorErrors.set(i, revive(e));
  try {
    const r = assessCase(job.params, table, job.market, job.actions, {
      investorRange: job.range,
      keepGoing: true,
      explain: job.explain,
    });
    parentPort?.postMessage({
      results: r.results,
      errors: r.errors.map((e) => ({ investorId: e.investorId, error: plain(e.error) })),
    });
  } catch (e) {
    parentPort?.postMessage({
      fatal: e instanceof LossInputError ? plain(e) : { message: e instanceof Error ? e.message : String(e) },
    });
  }
}
