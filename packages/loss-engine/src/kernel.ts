import { combine, type InvestorResult } from './assess-investor';
import { finishSegment, type SegmentOutcome } from './assess-segment';
import { FastRat, type Hybrid, hybridField, hybridPromotions } from './field';
import type { CasePlan } from './plan';
import { constantsFor } from './prepare';
import type { TradeTable } from './trade-table';
import { mwaBuy, mwaSell, mwaValue, newMwa } from './kernel-mwa';

/**
 * The integer kernel: the common case (price averaged alone — no interest, no index method — no 送转,
 * no explanation; `mwa`, `actual-cost` or `weighted-buys`; either direction; any rule version, ratio or none,
 * `averagePriceDecimals`, several segments) without the generic field. Quantities are whole shares, prices
 * integer 0.001 yuan, so every sum is an integer checked to stay ≤ 2^53 − 1; only the `mwa` cost after partial
 * sells is a fraction (`kernel-mwa.ts`). The finishing arithmetic (C, L, r, L′, fees) is the generic
 * `finishSegment` on the hybrid field, once per segment. When anything would leave the safe range, or a sell
 * exceeds the holding, the kernel returns null and the generic path assesses the investor (and raises the error).
 */
export function kernelApplies(plan: CasePlan): boolean {
  const m = plan.params.buyAverage;
  return plan.dims === 1 && plan.actions.length === 0 && !plan.explain && m !== 'fifo';
}

const MAX = Number.MAX_SAFE_INTEGER;
let kernelInvestors = 0;
/** How many investors the kernel has assessed so far (a counter, for tests). */
export const kernelCount = (): number => kernelInvestors;

/** The trade columns the kernel reads: the table's own, or copies in investor order (`gatherColumns`). */
export interface KernelColumns {
  day: Int32Array;
  seq: Int32Array;
  side: Uint8Array;
  qty: Float64Array;
  priceMilli: Int32Array;
  channel: Uint8Array;
  security: Uint16Array;
}

/**
 * Copies the columns of the trades of investors [fromInv, toInv) into contiguous arrays in investor order
 * (file order within an investor, as `groupByInvestor`), so the kernel reads each investor's trades
 * sequentially. Trades are interleaved by date in the file, so a plain gather misses the cache on every row
 * and column; instead a two-pass radix scatter: rows are packed into records in file order and scattered into
 * ≤ 1024 buckets of investors (few write streams), then each bucket, small enough to stay in cache, is
 * scattered to its investors' places. Stable, so file order within an investor is kept.
 */
export function gatherColumns(
  t: TradeTable,
  start: Int32Array,
  fromInv: number,
  toInv: number,
): KernelColumns {
  const off = start[fromInv]!;
  const n = start[toInv]! - off;
  const c: KernelColumns = {
    day: new Int32Array(n),
    seq: new Int32Array(n),
    side: new Uint8Array(n),
    qty: new Float64Array(n),
    priceMilli: new Int32Array(n),
    channel: new Uint8Array(n),
    security: new Uint16Array(n),
  };
  const span = toInv - fromInv;
  let shift = 0;
  while (span >>> shift > 1024) shift++;
  const buckets = (span >>> shift) + 1;
  const pos = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) pos[b] = start[Math.min(toInv, fromInv + (b << shift))]! - off;
  pos[buckets] = n;
  const R = 6;
  const tmp = new Int32Array(n * R);
  const fill = pos.slice();
  for (let r = 0; r < t.count; r++) {
    const inv = t.investor[r]!;
    if (inv < fromInv || inv >= toInv) continue;
    const q = t.qty[r]!;
    if (q > 2147483647) return gatherSlow(t, start, fromInv, toInv, c);
    const p = fill[(inv - fromInv) >>> shift]!++ * R;
    tmp[p] = inv;
    tmp[p + 1] = t.day[r]!;
    tmp[p + 2] = t.seq[r]!;
    tmp[p + 3] = t.priceMilli[r]!;
    tmp[p + 4] = q;
    tmp[p + 5] = t.side[r]! | (t.channel[r]! << 1) | (t.security[r]! << 9);
  }
  const at = start.slice(fromInv, toInv);
  for (let i = 0; i < n; i++) {
    const p = i * R;
    const j = at[tmp[p]! - fromInv]!++ - off;
    c.day[j] = tmp[p + 1]!;
    c.seq[j] = tmp[p + 2]!;
    c.priceMilli[j] = tmp[p + 3]!;
    c.qty[j] = tmp[p + 4]!;
    const x = tmp[p + 5]!;
    c.side[j] = x & 1;
    c.channel[j] = (x >>> 1) & 255;
    c.security[j] = x >>> 9;
  }
  return c;
}

/** The plain stable gather (when a quantity needs more than 31 bits). */
function gatherSlow(t: TradeTable, start: Int32Array, fromInv: number, toInv: number, c: KernelColumns) {
  const off = start[fromInv]!;
  const at = start.slice(fromInv, toInv);
  for (let r = 0; r < t.count; r++) {
    const inv = t.investor[r]!;
    if (inv < fromInv || inv >= toInv) continue;
    const j = at[inv - fromInv]!++ - off;
    c.day[j] = t.day[r]!;
    c.seq[j] = t.seq[r]!;
    c.side[j] = t.side[r]!;
    c.qty[j] = t.qty[r]!;
    c.priceMilli[j] = t.priceMilli[r]!;
    c.channel[j] = t.channel[r]!;
    c.security[j] = t.security[r]!;
  }
  return c;
}

/** Whether cols[from, to) are already in (date, seq) order, as `sortRows` would leave them. */
export function inDateOrder(c: KernelColumns, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const a = c.day[i - 1]!;
    const b = c.day[i]!;
    if (a > b || (a === b && c.seq[i - 1]! > c.seq[i]!)) return false;
  }
  return true;
}

/**
 * One investor on the kernel: its trades are cols[idx[i]] for i in [from, to) (idx null: cols[i]), sorted
 * by (date, seq, file order). Null when the generic path must do it (see above).
 */
export function kernelInvestor(
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  cols: KernelColumns,
  idx: ArrayLike<number> | null,
  from: number,
  to: number,
): InvestorResult | null {
  const { day, side, qty: qtyCol, priceMilli, channel, security } = cols;
  const sec = plan.security;
  // Holdings never negative (art. 29 restoration is not needed: no corporate actions here).
  let holding = 0;
  for (let i = from; i < to; i++) {
    const row = idx ? idx[i]! : i;
    if (sec !== -1 && security[row] !== sec) continue;
    holding += side[row] === 0 ? qtyCol[row]! : -qtyCol[row]!;
    if (holding < 0 || holding > MAX) return null;
  }
  const F = hybridField;
  const consts = constantsFor(F, plan);
  const before = hybridPromotions();
  let big = false;
  const inflation = plan.opensAreBuys;
  const openSide = inflation ? 0 : 1;
  const method = plan.params.buyAverage;
  const outcomes: SegmentOutcome<Hybrid>[] = [];
  for (let k = 0; k < plan.segments.length; k++) {
    const seg = plan.segments[k]!;
    const { impl, disc, base } = seg;
    let nonComp = 0;
    let hadOpen = false;
    let disclosed = false;
    let q = 0;
    // mwa: the remaining cost; actual-cost: net amount; weighted-buys: amount and shares bought.
    const mwa = newMwa();
    let amount = 0;
    let bought = 0;
    let N = 0;
    let cost: Hybrid = F.zero;
    let remaining = 0;
    let Ns = 0;
    let closeAmount = 0;
    for (let i = from; i < to; i++) {
      const row = idx ? idx[i]! : i;
      if (sec !== -1 && security[row] !== sec) continue;
      const d = day[row]!;
      if (d >= disc && !disclosed) {
        disclosed = true;
        N = q;
        if (N > 0) cost = at(method, mwa, amount, bought, N);
        remaining = N;
      }
      const t = qtyCol[row]!;
      const open = side[row] === openSide;
      if (d < impl) {
        if (inflation) nonComp = open ? nonComp + t : nonComp - t;
        if (nonComp > MAX) return null;
      } else if (d < disc) {
        const p = priceMilli[row]!;
        if (open) {
          if (plan.eligibleChannel[channel[row]!] === true) {
            const np = t * p;
            if (np > MAX) return null;
            if (method === 'mwa') mwaBuy(mwa, q, t, np);
            else {
              amount += np;
              if (method === 'weighted-buys') bought += t;
              if (amount > MAX) return null;
            }
            q += t;
            if (q > MAX || bought > MAX) return null;
            hadOpen = true;
          } else {
            nonComp += t;
            if (nonComp > MAX) return null;
          }
        } else {
          const fromNon = Math.min(t, nonComp);
          nonComp -= fromNon;
          const rest = t - fromNon;
          const fromComp = Math.min(rest, q);
          if (fromComp > 0) {
            if (method === 'mwa') mwaSell(mwa, q, fromComp);
            else if (method === 'actual-cost') {
              const np = fromComp * p;
              amount -= np;
              if (np > MAX || amount < -MAX) return null;
            }
            q -= fromComp;
          }
        }
      } else if (d <= base && !open) {
        const fromNon = Math.min(t, nonComp);
        nonComp -= fromNon;
        const rest = t - fromNon;
        const fromComp = Math.min(rest, remaining);
        if (fromComp > 0) {
          remaining -= fromComp;
          Ns += fromComp;
          closeAmount += fromComp * priceMilli[row]!;
          if (closeAmount > MAX) return null;
        }
      }
    }
    if (mwa.big) big = true;
    if (!disclosed) {
      N = q;
      if (N > 0) cost = at(method, mwa, amount, bought, N);
    }
    outcomes.push(
      finishSegment(F, plan, k, consts, {
        hadOpen,
        N: new FastRat(N, 1),
        avg: N > 0 ? [cost] : [],
        Ns: new FastRat(Ns, 1),
        closeAmount: [new FastRat(closeAmount, 1)],
      }),
    );
  }
  const r = combine(F, plan, table, investor, outcomes, null);
  if (big || hybridPromotions() !== before) r.path = 'exact';
  kernelInvestors++;
  return r;
}

/** The average price over the position of N shares, exactly (N > 0). */
function at(
  method: CasePlan['params']['buyAverage'],
  mwa: ReturnType<typeof newMwa>,
  amount: number,
  bought: number,
  N: number,
): Hybrid {
  const F = hybridField;
  if (method === 'mwa') return F.div(mwaValue(mwa), new FastRat(N, 1));
  return F.div(new FastRat(amount, 1), new FastRat(method === 'weighted-buys' ? bought : N, 1));
}
