import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseTradeRange, type RangeParse } from '../io/fast-trades';
import { sharedColumns, type TableColumns, TradeTable } from '../trade-table';
import { workerUrl } from './worker-url';

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
  run: (job: RangeJob) => Promise<RangeParse | null> = onThread,
): Promise<TradeTable | null> {
  const bounds = cutPoints(path, size, workers);
  if (!bounds) return null;
  // A valid row has at least 20 bytes and its newline (six required fields, five commas, a 10-byte date),
  // so a range of b bytes holds fewer than b / 20 + 2 rows. Pages never written cost no memory.
  const slots: number[] = [];
  let cap = 0;
  for (let r = 0; r + 1 < bounds.length; r++) {
    slots.push(cap);
    cap += Math.floor((bounds[r + 1]! - bounds[r]!) / 20) + 2;
  }
  const columns = sharedColumns(cap);
  const parts = await Promise.all(
    slots.map((at, r) =>
      run({
        kind: 'parse',
        path,
        start: bounds[r]!,
        end: bounds[r + 1]!,
        columns,
        at,
        capacity: (slots[r + 1] ?? cap) - at,
      }),
    ),
  );
  if (parts.some((p) => p === null)) return null;
  return join(path, columns, cap, slots, parts as RangeParse[]);
}

/** One range for `parseTradeRange`, as a worker thread receives it. */
export interface RangeJob {
  kind: 'parse';
  path: string;
  start: number;
  end: number;
  columns: TableColumns;
  at: number;
  capacity: number;
}

/** Parses one range on a new worker thread (`worker.ts`). */
function onThread(job: RangeJob): Promise<RangeParse | null> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl(), { workerData: job });
    w.once('message', (m: { range: RangeParse | null } | { fatal: { message: string } }) => {
      void w.terminate();
      if ('fatal' in m) reject(new Error(m.fatal.message));
      else resolve(m.range);
    });
    w.once('error', reject);
  });
}

/** Parses one range on this thread (tests). */
export const inProcess = (j: RangeJob): Promise<RangeParse | null> =>
  Promise.resolve(parseTradeRange(j.path, j.start, j.end, j.columns, j.at, j.capacity));

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
