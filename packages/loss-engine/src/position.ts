import type { Field } from './field';

/**
 * The compensable position built in W1, one per buy-average method (docs/loss-rules.md §4.4).
 * `vals` carries, per trade, the price and the quantities averaged alongside it (buy day for interest,
 * index closes for the index method); every method averages them all the same way.
 */
export interface Position<T> {
  /** Compensable shares Q. */
  qty(): T;
  open(q: T, vals: T[]): void;
  /** Removes q ≤ Q compensable shares sold at `vals`. */
  close(q: T, vals: T[]): void;
  /** Average of every tracked value over the current position (meaningless when Q = 0). */
  averages(): T[];
}

/** 移动加权平均: the average survives sells; an emptied position restarts from the next buy. */
function movingWeightedAverage<T>(F: Field<T>): Position<T> {
  let q = F.zero;
  let avg: T[] = [];
  return {
    qty: () => q,
    open(n, vals) {
      if (F.sign(q) === 0) {
        avg = vals.slice();
        q = n;
        return;
      }
      const nq = F.add(q, n);
      for (let j = 0; j < vals.length; j++) avg[j] = F.div(F.add(F.mul(avg[j]!, q), F.mul(n, vals[j]!)), nq);
      q = nq;
    },
    close(n) {
      q = F.sub(q, n);
    },
    averages: () => avg,
  };
}

/** 实际成本法: (eligible buy amount − compensable sell proceeds) ÷ (bought − sold) over all of W1. */
function actualCost<T>(F: Field<T>, dims: number): Position<T> {
  let q = F.zero;
  const net: T[] = new Array<T>(dims).fill(F.zero);
  return {
    qty: () => q,
    open(n, vals) {
      q = F.add(q, n);
      for (let j = 0; j < dims; j++) net[j] = F.add(net[j]!, F.mul(n, vals[j]!));
    },
    close(n, vals) {
      q = F.sub(q, n);
      for (let j = 0; j < dims; j++) net[j] = F.sub(net[j]!, F.mul(n, vals[j]!));
    },
    averages: () => net.map((x) => F.div(x, q)),
  };
}

/** 综合加权平均: all eligible W1 buys, sells ignored. */
function weightedBuys<T>(F: Field<T>, dims: number): Position<T> {
  let q = F.zero;
  let bought = F.zero;
  const amount: T[] = new Array<T>(dims).fill(F.zero);
  return {
    qty: () => q,
    open(n, vals) {
      q = F.add(q, n);
      bought = F.add(bought, n);
      for (let j = 0; j < dims; j++) amount[j] = F.add(amount[j]!, F.mul(n, vals[j]!));
    },
    close(n) {
      q = F.sub(q, n);
    },
    averages: () => amount.map((x) => F.div(x, bought)),
  };
}

/** 先进先出: sells consume the oldest compensable lots; the average is over the lots left. */
function fifo<T>(F: Field<T>, dims: number): Position<T> {
  let q = F.zero;
  const lots: { q: T; vals: T[] }[] = [];
  let head = 0;
  return {
    qty: () => q,
    open(n, vals) {
      q = F.add(q, n);
      lots.push({ q: n, vals });
    },
    close(n) {
      q = F.sub(q, n);
      let rest = n;
      while (F.sign(rest) > 0) {
        const lot = lots[head]!;
        if (F.cmp(lot.q, rest) <= 0) {
          rest = F.sub(rest, lot.q);
          head++;
        } else {
          lot.q = F.sub(lot.q, rest);
          rest = F.zero;
        }
      }
    },
    averages() {
      const sum: T[] = new Array<T>(dims).fill(F.zero);
      for (let i = head; i < lots.length; i++) {
        const lot = lots[i]!;
        for (let j = 0; j < dims; j++) sum[j] = F.add(sum[j]!, F.mul(lot.q, lot.vals[j]!));
      }
      return sum.map((x) => F.div(x, q));
    },
  };
}

export function makePosition<T>(
  F: Field<T>,
  method: 'mwa' | 'actual-cost' | 'weighted-buys' | 'fifo',
  dims: number,
): Position<T> {
  switch (method) {
    case 'mwa':
      return movingWeightedAverage(F);
    case 'actual-cost':
      return actualCost(F, dims);
    case 'weighted-buys':
      return weightedBuys(F, dims);
    case 'fifo':
      return fifo(F, dims);
  }
}
