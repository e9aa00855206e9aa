import { exact } from './exact';
import type { TradeNote } from './explain';
import type { Field } from './field';
import { makePosition } from './position';
import type { CasePlan } from './plan';
import { systemicRatio } from './systemic-risk';
import { POST, PRE, W1, W2, windowOf } from './windows';

/** One trade of one investor after merging and ex-rights restoration, in the engine's units. */
export interface Prepared<T> {
  row: number;
  day: number;
  /** Inflation: a buy; deflation: a sell. */
  open: boolean;
  eligible: boolean;
  qty: T;
  /** Price (0.001 yuan), then the other averaged values; null outside every segment. */
  vals: T[] | null;
}

export interface FieldConstants<T> {
  basePriceMilli: T[];
  baseDay: T[];
  meanIndex: T[][];
}

/** A segment's exact intermediate values (money in 0.001 yuan). */
export interface SegmentOutcome<T> {
  hadOpen: boolean;
  /** Opened in W1 through a non-eligible channel (block trade, transfer, …). */
  ineligibleOpen: boolean;
  N: T;
  C: T;
  Ns: T;
  closeAmount: T;
  Nh: T;
  L: T;
  r: T;
  deducted: T;
  commission: T;
  stampDuty: T;
  interest: T;
}

/** One segment: docs/loss-rules.md §4.3–§8. */
export function assessSegment<T>(
  F: Field<T>,
  plan: CasePlan,
  k: number,
  consts: FieldConstants<T>,
  trades: Prepared<T>[],
  notes: TradeNote[] | null,
): SegmentOutcome<T> {
  const seg = plan.segments[k]!;
  const inflation = plan.opensAreBuys;
  const pos = makePosition(F, plan.params.buyAverage, plan.dims);
  let nonCompensable = F.zero;
  let hadOpen = false;
  let ineligibleOpen = false;
  let disclosed = false;
  let N = F.zero;
  let avg: T[] = [];
  let remaining = F.zero;
  let Ns = F.zero;
  const closeAmount: T[] = new Array<T>(plan.dims).fill(F.zero);
  const note = (row: number, window: 0 | 1 | 2 | 3, used: boolean, code: TradeNote['code']): void => {
    notes?.push({ row, segment: k, window, used, code });
  };
  for (const t of trades) {
    const w = windowOf(t.day, seg);
    if (w >= W2 && !disclosed) {
      disclosed = true;
      N = pos.qty();
      avg = F.sign(N) > 0 ? pos.averages() : [];
      remaining = N;
    }
    if (w === PRE) {
      // Legacy holdings head the non-compensable queue (the mirror has none: no short legacy position).
      if (inflation) nonCompensable = t.open ? F.add(nonCompensable, t.qty) : F.sub(nonCompensable, t.qty);
      note(t.row, w, false, 'PRE_PERIOD');
    } else if (w === W1) {
      if (t.open) {
        if (t.eligible) {
          pos.open(t.qty, t.vals!);
          hadOpen = true;
          note(t.row, w, true, 'W1_OPEN');
        } else {
          nonCompensable = F.add(nonCompensable, t.qty);
          ineligibleOpen = true;
          note(t.row, w, false, 'INELIGIBLE_CHANNEL');
        }
      } else {
        let rest = t.qty;
        const fromNon = F.cmp(rest, nonCompensable) <= 0 ? rest : nonCompensable;
        nonCompensable = F.sub(nonCompensable, fromNon);
        rest = F.sub(rest, fromNon);
        const q = pos.qty();
        const fromComp = F.cmp(rest, q) <= 0 ? rest : q;
        if (F.sign(fromComp) > 0) {
          pos.close(fromComp, t.vals!);
          note(t.row, w, true, 'W1_CLOSE');
        } else note(t.row, w, false, 'W1_CLOSE_NON_COMPENSABLE');
      }
    } else if (w === W2) {
      if (t.open) note(t.row, w, false, 'W2_OPEN');
      else {
        let rest = t.qty;
        const fromNon = F.cmp(rest, nonCompensable) <= 0 ? rest : nonCompensable;
        nonCompensable = F.sub(nonCompensable, fromNon);
        rest = F.sub(rest, fromNon);
        const fromComp = F.cmp(rest, remaining) <= 0 ? rest : remaining;
        if (F.sign(fromComp) > 0) {
          remaining = F.sub(remaining, fromComp);
          Ns = F.add(Ns, fromComp);
          const vals = t.vals!;
          for (let j = 0; j < plan.dims; j++)
            closeAmount[j] = F.add(closeAmount[j]!, F.mul(fromComp, vals[j]!));
          note(t.row, w, true, 'W2_CLOSE');
        } else note(t.row, w, false, 'W2_CLOSE_NON_COMPENSABLE');
      }
    } else if (w === POST) note(t.row, w, false, 'POST_BASE_DATE');
  }
  if (!disclosed) {
    N = pos.qty();
    avg = F.sign(N) > 0 ? pos.averages() : [];
  }
  return finishSegment(F, plan, k, consts, { hadOpen, ineligibleOpen, N, avg, Ns, closeAmount });
}

/** What a segment's trade loop leaves: the compensable position at disclosure and what W2 sold of it. */
export interface SegmentState<T> {
  hadOpen: boolean;
  ineligibleOpen: boolean;
  N: T;
  /** Averages over the position at disclosure (price first); unused when N = 0. */
  avg: T[];
  Ns: T;
  /** Σ W2 compensable shares sold × each averaged value (price first). */
  closeAmount: T[];
}

/**
 * docs/loss-rules.md §4.4–§8 from a segment's state: C, Nh, L, r, L′, fees, interest. Shared by the generic
 * path and the integer kernel (`kernel.ts`), so both finish identically.
 */
export function finishSegment<T>(
  F: Field<T>,
  plan: CasePlan,
  k: number,
  consts: FieldConstants<T>,
  s: SegmentState<T>,
): SegmentOutcome<T> {
  const { hadOpen, ineligibleOpen, N, avg, Ns, closeAmount } = s;
  const inflation = plan.opensAreBuys;
  const zero = F.zero;
  const B = consts.basePriceMilli[k]!;
  if (F.sign(N) <= 0) {
    return {
      hadOpen,
      ineligibleOpen,
      N: zero,
      C: zero,
      Ns: zero,
      closeAmount: zero,
      Nh: zero,
      L: zero,
      r: zero,
      deducted: zero,
      commission: zero,
      stampDuty: zero,
      interest: zero,
    };
  }
  let C: T = avg[0] as T;
  if (plan.params.averagePriceDecimals !== null) C = roundPrice(F, C, plan.params.averagePriceDecimals);
  const Nh = F.sub(N, Ns);
  // L = N·C − SellAmount − Nh·B; the deflation mirror negates it (buy-backs and B above the W1 sell average).
  const held = F.mul(Nh, B);
  const diff = F.sub(F.sub(F.mul(N, C), closeAmount[0]!), held);
  const rawL = inflation ? diff : F.sub(zero, diff);
  const L = F.sign(rawL) > 0 ? rawL : zero;
  const r = systemicRatio(F, plan, consts, k, { N, C, Nh, avg, closeAmount, held });
  const deducted = F.mul(L, F.sub(F.one, r));
  const rate = (x: typeof plan.params.commissionRate): T => (x ? F.mul(deducted, F.fromExact(x)) : zero);
  let interest = zero;
  if (plan.dayDim >= 0 && plan.params.interestRate) {
    // Quantity-weighted days from the average buy date to each compensable share's exit.
    const exitDay = F.div(F.add(closeAmount[plan.dayDim]!, F.mul(Nh, consts.baseDay[k]!)), N);
    const days = F.sub(exitDay, avg[plan.dayDim]!);
    interest = F.div(F.mul(F.mul(deducted, F.fromExact(plan.params.interestRate)), days), F.int(365));
  }
  return {
    hadOpen,
    ineligibleOpen,
    N,
    C,
    Ns,
    closeAmount: closeAmount[0]!,
    Nh,
    L,
    r,
    deducted,
    commission: rate(plan.params.commissionRate),
    stampDuty: rate(plan.params.stampDutyRate),
    interest,
  };
}

/** Rounds a price in 0.001 yuan half-up to `decimals` places of yuan (prices are ≥ 0). */
function roundPrice<T>(F: Field<T>, milli: T, decimals: number): T {
  const x = F.toExact(milli);
  const scale = 10n ** BigInt(decimals);
  // units of 10^-decimals yuan = milli × scale / 1000, rounded half up
  const units = (x.n * scale * 2n + 1000n * x.d) / (2000n * x.d);
  return F.fromExact(exact(units * 1000n, scale));
}
