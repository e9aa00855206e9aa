import {
  GROUP_COLUMNS,
  type GroupColumn,
  type Grouping,
  type TableColumns,
  type TradeTable,
} from '../trade-table';
import type { Threads } from './worker-url';

/** One share of the columns to move, as a worker thread receives it (`worker.ts`). */
export interface GroupJob {
  kind: 'group';
  columns: TableColumns;
  count: number;
  grouping: Grouping;
  names: GroupColumn[];
}

const BYTES: Record<GroupColumn, number> = {
  account: 4,
  day: 4,
  seq: 4,
  priceMilli: 4,
  line: 4,
  qty: 8,
  side: 1,
  channel: 1,
  security: 2,
};

/**
 * `TradeTable.groupInPlace` on the worker threads, for a table in shared memory (the parallel parse's): this
 * thread computes the permutation once, each thread moves a share of the columns (about equal bytes) by it,
 * then this thread writes the investor column. The same table as `groupInPlace` (the CLI test compares the
 * outputs of 1, 2 and 3 threads).
 */
export async function groupOnThreads(t: TradeTable, threads: Threads, workers: number): Promise<void> {
  if (t.grouped) return;
  const g = t.grouping(true);
  const shares: GroupColumn[][] = Array.from({ length: Math.max(1, workers) }, () => []);
  const load = shares.map(() => 0);
  for (const name of [...GROUP_COLUMNS].sort((a, b) => BYTES[b] - BYTES[a])) {
    const k = load.indexOf(Math.min(...load));
    shares[k]!.push(name);
    load[k]! += BYTES[name];
  }
  const columns: TableColumns = {
    investor: t.investor,
    account: t.account,
    day: t.day,
    seq: t.seq,
    side: t.side,
    channel: t.channel,
    qty: t.qty,
    priceMilli: t.priceMilli,
    line: t.line,
    security: t.security,
  };
  await Promise.all(
    shares
      .filter((names) => names.length > 0)
      .map((names) =>
        threads.run<true>(
          { kind: 'group', columns, count: t.count, grouping: g, names } satisfies GroupJob,
          (m) => {
            const x = m as { grouped: true } | { fatal: { message: string } };
            return 'fatal' in x ? { failed: new Error(x.fatal.message) } : { done: true };
          },
        ),
      ),
  );
  t.finishGrouping(g);
}
