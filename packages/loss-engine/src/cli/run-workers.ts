import type { InvestorError, SummaryParts } from '../assess-case';
import type { InvestorResult } from '../assess-investor';
import { LossInputError } from '../errors';
import type { CorporateAction, MarketData } from '../market';
import type { TradeTable } from '../trade-table';
import { type Job, type PlainError, plain, revive } from './worker';
import { Threads } from './worker-url';

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
  output: 'results' | 'csv' = 'results',
  threads?: Threads,
): Promise<WorkerResults> {
  if (!threads) {
    const own = new Threads();
    try {
      return await assessInWorkers(params, table, market, actions, workers, explain, output, own);
    } finally {
      await own.close();
    }
  }
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
  type Part = {
    results?: InvestorResult[];
    csv?: string;
    parts?: SummaryParts;
    errors: { investorId: string; error: PlainError }[];
  };
  const parts = await Promise.all(
    ranges.map((range) =>
      threads.run<Part>(
        {
          kind: 'assess',
          params,
          table: snapshot,
          market,
          actions,
          range,
          keepGoing: true,
          explain,
          rowErrors,
          output,
        } satisfies Job,
        (m) => {
          const x = m as { fatal?: PlainError | { message: string } } & Part;
          if (x.fatal) return { failed: 'code' in x.fatal ? revive(x.fatal) : new Error(x.fatal.message) };
          return { done: x };
        },
      ),
    ),
  );
  const errors = parts.flatMap((p) =>
    p.errors.map((e) => ({ investorId: e.investorId, error: revive(e.error) })),
  );
  if (output === 'csv')
    return { results: [], errors, csv: parts.map((p) => p.csv).join(''), parts: parts.map((p) => p.parts!) };
  return { results: parts.flatMap((p) => p.results!), errors };
}

/**
 * The results in investor order — or, with output 'csv', none: instead `csv`, their result CSV lines in
 * investor order, and `parts`, their summary counts per worker (see `summaryOf`).
 */
export interface WorkerResults {
  results: InvestorResult[];
  errors: InvestorError[];
  csv?: string;
  parts?: SummaryParts[];
}

export { LossInputError };
