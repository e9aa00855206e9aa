import { closeSync, openSync, readSync } from 'node:fs';
import { countLines, parseTradeRange, type RangeParse } from '../io/fast-trades';
import { sharedColumns, type TableColumns, TradeTable } from '../trade-table';
import { Threads } from './worker-url';

/**
 * The fast parser on `workers` threads: the file is cut into byte ranges at line ends, each thread parses its
 * range (`parseTradeRange`) straight into one set of shared columns (each range from its own row slot on), and
 * this thread then joins the ranges: ids are registered range after range (so investors, accounts, channels
 * and securities get the indices of their first appearance in the file, as one parser gives them), later
 * ranges' rows are moved down behind the earlier ones with their ids and line numbers translated, and the
 * (date, seq) order of an account is checked across range borders. The table is the one `parseTradesFileFast`
 * builds (property-tested), in shared memory. Null when any range gives up or an account goes backwards
 * across a border: the caller then parses the whole file the usual way (which reports the errors).
 */
export async function parseTradesFileParallel(
  path: string,
  size: number,
  workers: number,
  threads?: RangeRunner | Threads,
): Promise<TradeTable | null> {
  if (threads === undefined) {
    // Threads made here are ended here; a caller's are left for its next jobs.
    const own = new Threads();
    try {
      return await parseTradesFileParallel(path, size, workers, own);
    } finally {
      await own.close();
    }
  }
  const run = threads instanceof Threads ? onThreads(threads) : threads;
  const bounds = cutPoints(path, size, workers);
  if (!bounds) return null;
  const ranges = bounds.length - 1;
  // Each range first counts its lines; a range of k lines has at most k + 1 rows, so the ranges' row slots
  // follow each other with gaps of only the header and blank lines — nothing is written twice.
  const lines: number[] = new Array<number>(ranges).fill(0);
  let reported = 0;
  let placed!: (p: Placement[]) => void;
  let failed!: (e: unknown) => void;
  const placements = new Promise<Placement[]>((resolve, reject) => {
    placed = resolve;
    failed = reject;
  });
  placements.catch(() => {});
  const place = (r: number, n: number): Promise<Placement> => {
    lines[r] = n;
    if (++reported === ranges) {
      let cap = 0;
      const at: number[] = [];
      for (let k = 0; k < ranges; k++) {
        at.push(cap);
        cap += lines[k]! + 1;
      }
      const columns = sharedColumns(cap);
      placed(at.map((a, k) => ({ columns, at: a, capacity: lines[k]! + 1, total: cap })));
    }
    return placements.then((p) => p[r]!);
  };
  const parts = await Promise.all(
    bounds.slice(0, -1).map((start, r) =>
      // A range that fails before it reports its lines must not leave the others waiting for their place.
      run({ kind: 'parse', path, start, end: bounds[r + 1]! }, (n) => place(r, n)).catch((e: unknown) => {
        failed(e);
        throw e;
      }),
    ),
  );
  if (parts.some((p) => p === null)) return null;
  const p = await placements;
  return join(
    path,
    p[0]!.columns,
    p[0]!.total,
    p.map((x) => x.at),
    parts as RangeParse[],
  );
}

/** One range, as a worker thread receives it. */
export interface RangeJob {
  kind: 'parse';
  path: string;
  start: number;
  end: number;
}

/** Where a range's rows go: its slots [at, at + capacity) of the shared columns. */
export interface Placement {
  columns: TableColumns;
  at: number;
  capacity: number;
  total: number;
}

/** Counts a range's lines, reports them to `place`, then parses it into the placement it is given. */
export type RangeRunner = (
  job: RangeJob,
  place: (lines: number) => Promise<Placement>,
) => Promise<RangeParse | null>;

/** Runs ranges on worker threads (`worker.ts`). */
export const onThreads =
  (threads: Threads): RangeRunner =>
  (job, place) =>
    threads.run<RangeParse | null>(job, (m, w) => {
      const x = m as { lines: number } | { range: RangeParse | null } | { fatal: { message: string } };
      if ('lines' in x) {
        place(x.lines).then(
          (p) => w.postMessage(p),
          () => void w.terminate(),
        );
        return undefined;
      }
      if ('fatal' in x) return { failed: new Error(x.fatal.message) };
      return { done: x.range };
    });

/** Runs one range on this thread (tests). */
export const inProcess: RangeRunner = async (j, place) => {
  const p = await place(countLines(j.path, j.start, j.end));
  return parseTradeRange(j.path, j.start, j.end, p.columns, p.at, p.capacity);
};

/** [0, c1, …, size]: at most `parts` ranges, each inner cut just after a newline after the header line; null: no row. */
function cutPoints(path: string, size: number, parts: number): number[] | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    const nextLineStart = (from: number): number => {
      for (let pos = from; pos < size; ) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n === 0) break;
        const i = buf.subarray(0, n).indexOf(10);
        if (i >= 0) return pos + i + 1;
        pos += n;
      }
      return size;
    };
    const header = nextLineStart(0);
    const cuts = [0];
    for (let k = 1; k < parts; k++) {
      const c = nextLineStart(Math.max(header, Math.floor((size * k) / parts)) - 1);
      // Short files get fewer (but never empty) ranges.
      if (c > cuts[cuts.length - 1]! && c < size) cuts.push(c);
    }
    if (header >= size) return null;
    cuts.push(size);
    return cuts;
  } finally {
    closeSync(fd);
  }
}

function join(
  path: string,
  c: TableColumns,
  cap: number,
  slots: number[],
  parts: RangeParse[],
): TradeTable | null {
  const t = new TradeTable(path, cap, c, 0);
  t.columns = parts[0]!.columns;
  const MIN = -2147483648;
  let lastDay = new Int32Array(1024).fill(MIN);
  let lastSeq = new Int32Array(1024);
  let rows = 0;
  let lines = 0;
  for (let r = 0; r < parts.length; r++) {
    const p = parts[r]!;
    const chan = p.channels.map((x) => t.channelOf(x));
    const sec = p.securityIds.map((x) => t.securityOf(x));
    const inv = p.investorIds.map((x) => t.investorOf(x));
    const acc = p.accountIds.map((x, a) => t.accountOf(x, inv[p.accountInvestor[a]!] ?? -1));
    // (date, seq) must not go backwards within an account across the border (as TradeTable.push checks).
    if (t.accountIds.length > lastDay.length) {
      const n = t.accountIds.length * 2;
      const d = new Int32Array(n).fill(MIN);
      d.set(lastDay);
      lastDay = d;
      const s = new Int32Array(n);
      s.set(lastSeq);
      lastSeq = s;
    }
    const sp = p.spans;
    for (let a = 0; a < acc.length; a++) {
      const g = acc[a]!;
      const ld = lastDay[g]!;
      if (ld !== MIN) {
        const fd = sp.firstDay[a]!;
        if (fd < ld || (fd === ld && sp.firstSeq[a]! < lastSeq[g]!)) return null;
      }
      lastDay[g] = sp.lastDay[a]!;
      lastSeq[g] = sp.lastSeq[a]!;
    }
    const src = slots[r]!;
    const n = p.count;
    // Line numbers in a range count its header line as line 1.
    const lineOffset = r === 0 ? 0 : lines - 1;
    lines += r === 0 ? p.lines : p.lines - 1;
    if (r > 0) moveRange(c, src, rows, n, inv, acc, chan, sec, lineOffset);
    rows += n;
  }
  t.count = rows;
  return t;
}

/** Moves rows [src, src + n) to dst (≤ src), translating the range's ids to the table's and its line numbers. */
function moveRange(
  c: TableColumns,
  src: number,
  dst: number,
  n: number,
  inv: number[],
  acc: number[],
  chan: number[],
  sec: number[],
  lineOffset: number,
): void {
  c.day.copyWithin(dst, src, src + n);
  c.seq.copyWithin(dst, src, src + n);
  c.side.copyWithin(dst, src, src + n);
  c.qty.copyWithin(dst, src, src + n);
  c.priceMilli.copyWithin(dst, src, src + n);
  const invMap = Int32Array.from(inv);
  const accMap = Int32Array.from(acc);
  const chanMap = Uint8Array.from(chan);
  const secMap = Uint16Array.from(sec);
  const { investor, account, channel, security, line } = c;
  for (let i = 0; i < n; i++) {
    investor[dst + i] = invMap[investor[src + i]!]!;
    account[dst + i] = accMap[account[src + i]!]!;
    channel[dst + i] = chanMap[channel[src + i]!]!;
    security[dst + i] = secMap[security[src + i]!]!;
    line[dst + i] = line[src + i]! + lineOffset;
  }
}
