import { exact } from './exact';
import { FastRat, type Hybrid } from './field';

/**
 * The `mwa` remaining cost T of a position of Q shares (0.001 yuan·shares), exactly. A buy adds n·p; a sell of
 * s < Q shares multiplies T by (Q − s)/Q; selling out resets T to 0. So T is a fraction whose denominator
 * divides a product of positions. While it fits, T = n/d in safe integers, reduced: (Q − s)/Q is reduced by
 * gcd(Q, s) = a/b, then a is cancelled against d and b against n, which keeps n/d reduced; a buy keeps it
 * reduced (gcd(n + k·d, d) = gcd(n, d) = 1). Every product and sum is checked ≤ 2^53 − 1 before it is kept,
 * so no rounded value survives. Past that, T = (bn·pa)/(bd·pb) with BigInt bn, bd and pending safe-integer
 * factors pa/pb (consecutive sells multiply in safe integers and touch BigInt only when a buy needs the value).
 */
export interface Mwa {
  n: number;
  d: number;
  isBig: boolean;
  /** BigInt was needed at some point (the result's `path`). */
  big: boolean;
  bn: bigint;
  bd: bigint;
  pa: number;
  pb: number;
}

const MAX = Number.MAX_SAFE_INTEGER;
const REDUCE_ABOVE = 1n << 160n;

export const newMwa = (): Mwa => ({ n: 0, d: 1, isBig: false, big: false, bn: 0n, bd: 1n, pa: 1, pb: 1 });

export function gcd(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function reset(m: Mwa, n: number): void {
  m.n = n;
  m.d = 1;
  m.isBig = false;
}

function flush(m: Mwa): void {
  if (m.pa !== 1) m.bn *= BigInt(m.pa);
  if (m.pb !== 1) m.bd *= BigInt(m.pb);
  m.pa = 1;
  m.pb = 1;
}

function promote(m: Mwa): void {
  m.bn = BigInt(m.n);
  m.bd = BigInt(m.d);
  m.pa = 1;
  m.pb = 1;
  m.isBig = true;
  m.big = true;
}

/** A compensable buy of t shares costing np = t·p (a safe integer) onto a position of q shares. */
export function mwaBuy(m: Mwa, q: number, _t: number, np: number): void {
  if (q === 0) {
    reset(m, np);
    return;
  }
  if (!m.isBig) {
    const x = np * m.d;
    const y = m.n + x;
    if (x <= MAX && y <= MAX) {
      m.n = y;
      return;
    }
    promote(m);
  }
  flush(m);
  m.bn += BigInt(np) * m.bd;
}

/** Sells s compensable shares out of q (0 < s ≤ q): T × (q − s)/q. */
export function mwaSell(m: Mwa, q: number, s: number): void {
  if (s === q) {
    reset(m, 0);
    return;
  }
  const g = gcd(q, s);
  const a = (q - s) / g;
  const b = q / g;
  if (!m.isBig) {
    const g1 = gcd(m.n, b);
    const g2 = gcd(a, m.d);
    const n = (m.n / g1) * (a / g2);
    const d = (m.d / g2) * (b / g1);
    if (n <= MAX && d <= MAX) {
      m.n = n;
      m.d = n === 0 ? 1 : d;
      return;
    }
    promote(m);
  }
  const g3 = gcd(a, m.pb);
  const g4 = gcd(b, m.pa);
  const pa = (m.pa / g4) * (a / g3);
  const pb = (m.pb / g3) * (b / g4);
  if (pa <= MAX && pb <= MAX) {
    m.pa = pa;
    m.pb = pb;
    return;
  }
  flush(m);
  m.pa = a;
  m.pb = b;
}

/** T exactly: a reduced safe-integer fraction, or an (unreduced) BigInt fraction. */
export function mwaValue(m: Mwa): Hybrid {
  if (!m.isBig) return new FastRat(m.n, m.d);
  const n = m.bn * BigInt(m.pa);
  const d = m.bd * BigInt(m.pb);
  // Reduce once here (the exact field would otherwise reduce in every finishing operation above 2^160).
  return d > REDUCE_ABOVE ? exact(n, d) : { n, d };
}
