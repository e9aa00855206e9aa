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
 * and column; instead a two-pass radix scatter: rows are scattered, in file order, into ≤ 256 buckets of
 * investors — each bucket the very place its investors' rows will occupy in the result columns, so the few
 * write streams stay in cache and no temporary copy of the table is needed — then each bucket, small enough to
 * stay in cache, is copied aside and scattered to its investors' places. Stable, so file order within an
 * investor is kept.
 */
export function gatherColumns(
  t: TradeTable,
  start: Int32Array,
  fromInv: number,
  toInv: number,
  maxBuckets?: number,
): KernelColumns {
  const off = start[fromInv]!;
  const n = start[toInv]! - off;
  // Buckets of ~32 k rows (~1 MB of columns: pass 2 stays in a 2 MB L2), and at most 256 of them (8 write
  // streams each in pass 1: measured faster than 1,024 and no slower than the old record scatter).
  const most = maxBuckets ?? Math.min(256, Math.max(16, Math.ceil(n / 32_768)));
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
  while (span >>> shift > most) shift++;
  const buckets = (span >>> shift) + 1;
  const pos = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) pos[b] = start[Math.min(toInv, fromInv + (b << shift))]! - off;
  pos[buckets] = n;
  // Pass 1: into the buckets, in file order; `who` keeps each row's investor for pass 2.
  const who = new Int32Array(n);
  const fill = pos.slice();
  const { investor, day, seq, side, qty, priceMilli, channel, security } = t;
  for (let r = 0; r < t.count; r++) {
    const inv = investor[r]!;
    if (inv < fromInv || inv >= toInv) continue;
    const j = fill[(inv - fromInv) >>> shift]!++;
    who[j] = inv;
    c.day[j] = day[r]!;
    c.seq[j] = seq[r]!;
    c.side[j] = side[r]!;
    c.qty[j] = qty[r]!;
    c.priceMilli[j] = priceMilli[r]!;
    c.channel[j] = channel[r]!;
    c.security[j] = security[r]!;
  }
  // Pass 2: each bucket of several investors, copied aside, to its investors' places (inside the bucket).
  let longest = 0;
  for (let b = 0; b < buckets; b++) longest = Math.max(longest, pos[b + 1]! - pos[b]!);
  const tw = new Int32Array(longest);
  const tDay = new Int32Array(longest);
  const tSeq = new Int32Array(longest);
  const tSide = new Uint8Array(longest);
  const tQty = new Float64Array(longest);
  const tPrice = new Int32Array(longest);
  const tChannel = new Uint8Array(longest);
  const tSecurity = new Uint16Array(longest);
  const at = start.slice(fromInv, toInv);
  for (let b = 0; b < buckets; b++) {
    const p0 = pos[b]!;
    const p1 = pos[b + 1]!;
    if (p1 - p0 < 2) continue;
    tw.set(who.subarray(p0, p1));
    tDay.set(c.day.subarray(p0, p1));
    tSeq.set(c.seq.subarray(p0, p1));
    tSide.set(c.side.subarray(p0, p1));
    tQty.set(c.qty.subarray(p0, p1));
    tPrice.set(c.priceMilli.subarray(p0, p1));
    tChannel.set(c.channel.subarray(p0, p1));
    tSecurity.set(c.security.subarray(p0, p1));
    for (let k = 0; k < p1 - p0; k++) {
      const j = at[tw[k]! - fromInv]!++ - off;
      c.day[j] = tDay[k]!;
      c.seq[j] = tSeq[k]!;
      c.side[j] = tSide[k]!;
      c.qty[j] = tQty[k]!;
      c.priceMilli[j] = tPrice[k]!;
      c.channel[j] = tChannel[k]!;
      c.security[j] = tSecurity[k]!;
    }
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
    let ineligibleOpen = false;
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
            ineligibleOpen = true;
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
        ineligibleOpen,
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
