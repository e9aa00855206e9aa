import { Worker } from 'node:worker_threads';
import type { InvestorError } from '../assess-case';
import type { InvestorResult } from '../assess-investor';
import { LossInputError } from '../errors';
import type { CorporateAction, MarketData } from '../market';
import type { TradeTable } from '../trade-table';
import { type PlainError, plain, revive } from './worker';

/**
 * Splits the investors into `workers` contiguous ranges of about equal trade counts and assesses them
 * in worker threads over one shared copy of the trade table. Results come back in investor order.
 */
export async function assessInWorkers(
  params: unknown,
  table: TradeTable,
  market: MarketData | null,
  actions: CorporateAction[],
  workers: number,
  explain: boolean,
): Promise<{ results: InvestorResult[]; errors: InvestorError[] }> {
  const snapshot = table.snapshot();
  const perInvestor = new Int32Array(table.investorIds.length);
  for (let i = 0; i < table.count; i++) perInvestor[table.investor[i]!]!++;
  const ranges: [number, number][] = [];
  let from = 0;
  let acc = 0;
  const target = table.count / workers;
  for (let i = 0; i < perInvestor.length; i++) {
    acc += perInvestor[i]!;
    if (acc >= target * (ranges.length + 1) && ranges.length < workers - 1) {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  }
  ranges.push([from, perInvestor.length]);
  const rowErrors: [number, PlainError][] = [...table.investorErrors].map(([i, e]) => [i, plain(e)]);
  // The bundled worker when the launcher runs the bundled CLI (bin/bundle.mjs), else the tsx boot file.
  const url =
    (globalThis as { __sutiaoLossWorker?: URL }).__sutiaoLossWorker ??
    new URL('./worker-boot.mjs', import.meta.url);
  const parts = await Promise.all(
    ranges.map(
      (range) =>
        new Promise<{ results: InvestorResult[]; errors: { investorId: string; error: PlainError }[] }>(
          (resolve, reject) => {
            const w = new Worker(url, {
              workerData: {
                params,
                table: snapshot,
                market,
                actions,
                range,
                keepGoing: true,
                explain,
                rowErrors,
              },
            });
            w.once('message', (m: { fatal?: PlainError | { message: string } } & Record<string, unknown>) => {
              void w.terminate();
              if (m.fatal) reject('code' in m.fatal ? revive(m.fatal) : new Error(m.fatal.message));
              else resolve(m as never);
            });
            w.once('error', reject);
          },
        ),
    ),
  );
  return {
    results: parts.flatMap((p) => p.results),
    errors: parts.flatMap((p) => p.errors.map((e) => ({ investorId: e.investorId, error: revive(e.error) }))),
  };
}

export { LossInputError };
