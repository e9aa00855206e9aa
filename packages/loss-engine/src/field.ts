import { type Exact, eSign, exact, formatDecimal } from './exact';

/**
 * The arithmetic the engine is written against. Two implementations: `exactField` (BigInt rationals,
 * the reference) and `fastField` (rationals of safe integers that throw `OVERFLOW` instead of ever
 * rounding, so the caller reruns the investor on the exact field).
 */
export interface Field<T> {
  readonly name: 'fast' | 'exact' | 'hybrid';
  readonly zero: T;
  readonly one: T;
  int(k: number): T;
  fromExact(x: Exact): T;
  toExact(x: T): Exact;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  cmp(a: T, b: T): number;
  sign(a: T): number;
  /** x ÷ divisor as a decimal: exact when it terminates within maxPlaces, else half-up at maxPlaces. */
  decimal(x: T, divisor: number, minPlaces: number, maxPlaces: number): string;
  /** x ÷ divisor yuan rounded half-up to whole cents. */
  cents(x: T, divisor: number): bigint;
}

// Printing and cent rounding only divide n·scale by d (floor, remainder = 0, half-up), which give the same
// answer for n/d and gn/gd, so they run on the unreduced fraction: no gcd of large numbers (d > 0 always).
const exactDecimal = (x: Exact, divisor: number, minPlaces: number, maxPlaces: number): string =>
  formatDecimal({ n: x.n, d: x.d * BigInt(divisor) }, minPlaces, maxPlaces);
const exactCents = (x: Exact, divisor: number): bigint => {
  const d = x.d * BigInt(divisor);
  const scaled = x.n * 100n;
  const q = ((scaled < 0n ? -scaled : scaled) * 2n + d) / (2n * d);
  return scaled < 0n ? -q : q;
};

// Reducing by gcd is the expensive BigInt operation, so the exact field keeps fractions unreduced until
// the denominator grows past 2^160; values are reduced when they leave the field (`toExact`).
const REDUCE_ABOVE = 1n << 160n;
function lazy(n: bigint, d: bigint): Exact {
  if (d < 0n) return lazy(-n, -d);
  return d > REDUCE_ABOVE ? exact(n, d) : { n, d };
}

export const exactField: Field<Exact> = {
  name: 'exact',
  zero: { n: 0n, d: 1n },
  one: { n: 1n, d: 1n },
  int: (k) => ({ n: BigInt(k), d: 1n }),
  fromExact: (x) => x,
  toExact: (x) => exact(x.n, x.d),
  add: (a, b) => (a.d === b.d ? lazy(a.n + b.n, a.d) : lazy(a.n * b.d + b.n * a.d, a.d * b.d)),
  sub: (a, b) => (a.d === b.d ? lazy(a.n - b.n, a.d) : lazy(a.n * b.d - b.n * a.d, a.d * b.d)),
  mul: (a, b) => lazy(a.n * b.n, a.d * b.d),
  div: (a, b) => {
    if (b.n === 0n) throw new RangeError('division by zero');
    return lazy(a.n * b.d, a.d * b.n);
  },
  cmp: (a, b) => {
    const l = a.n * b.d;
    const r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  },
  sign: eSign,
  decimal: exactDecimal,
  cents: exactCents,
};

/** A rational of two safe integers, d > 0, reduced. */
export class FastRat {
  constructor(
    readonly n: number,
    readonly d: number,
  ) {}
}

/** Thrown (never caught by the engine) when a fast value would leave the safe-integer range. */
export const OVERFLOW = new Error('fast path overflow');
const MAX = Number.MAX_SAFE_INTEGER;

// A product or sum of two safe integers is exact iff its magnitude is <= MAX: IEEE rounding is
// monotonic and 2^53 is representable, so any true value above MAX rounds to >= 2^53 and fails the check.
function safe(x: number): number {
  if (!(x <= MAX && x >= -MAX)) throw OVERFLOW;
  return x;
}

function gcd(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function mk(n: number, d: number): FastRat {
  if (d === 1) return new FastRat(n, 1);
  if (d < 0) return mk(-n, -d);
  const g = gcd(n, d);
  return g === 1 ? new FastRat(n, d) : new FastRat(n / g, d / g);
}

const F_ZERO = new FastRat(0, 1);
const F_ONE = new FastRat(1, 1);

export const fastField: Field<FastRat> = {
  name: 'fast',
  zero: F_ZERO,
  one: F_ONE,
  int: (k) => new FastRat(safe(k), 1),
  fromExact: (x) => {
    const n = Number(x.n);
    const d = Number(x.d);
    if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw OVERFLOW;
    return new FastRat(n, d);
  },
  toExact: (x) => exact(BigInt(x.n), BigInt(x.d)),
  add: (a, b) => {
    if (a.d === b.d) return a.d === 1 ? new FastRat(safe(a.n + b.n), 1) : mk(safe(a.n + b.n), a.d);
    return mk(safe(safe(a.n * b.d) + safe(b.n * a.d)), safe(a.d * b.d));
  },
  sub: (a, b) => {
    if (a.d === b.d) return a.d === 1 ? new FastRat(safe(a.n - b.n), 1) : mk(safe(a.n - b.n), a.d);
    return mk(safe(safe(a.n * b.d) - safe(b.n * a.d)), safe(a.d * b.d));
  },
  mul: (a, b) => {
    if (a.d === 1 && b.d === 1) return new FastRat(safe(a.n * b.n), 1);
    // Cross-reduce first so the products stay as small as the exact result allows.
    const g1 = gcd(a.n, b.d);
    const g2 = gcd(b.n, a.d);
    return new FastRat(safe((a.n / g1) * (b.n / g2)), safe((a.d / g2) * (b.d / g1)));
  },
  div: (a, b) => {
    if (b.n === 0) throw new RangeError('division by zero');
    const bn = b.n < 0 ? -b.d : b.d;
    const bd = b.n < 0 ? -b.n : b.n;
    const g1 = gcd(a.n, bd);
    const g2 = gcd(bn, a.d);
    return new FastRat(safe((a.n / g1) * (bn / g2)), safe((a.d / g2) * (bd / g1)));
  },
  cmp: (a, b) => {
    const l = a.d === b.d ? a.n : safe(a.n * b.d);
    const r = a.d === b.d ? b.n : safe(b.n * a.d);
    return l < r ? -1 : l > r ? 1 : 0;
  },
  sign: (a) => (a.n < 0 ? -1 : a.n > 0 ? 1 : 0),
  decimal: (x, divisor, minPlaces, maxPlaces) => {
    const D = x.d * divisor;
    const u = D * 10 <= MAX ? roundedUnits(x.n, D, minPlaces, maxPlaces) : null;
    if (!u) return exactDecimal(fastField.toExact(x), divisor, minPlaces, maxPlaces);
    const [neg, ip, frac, places] = u;
    const f = places > 0 ? `.${String(frac).padStart(places, '0')}` : '';
    return `${neg && (ip > 0 || frac > 0) ? '-' : ''}${ip}${f}`;
  },
  cents: (x, divisor) => {
    const D = x.d * divisor;
    const u = D * 10 <= MAX ? roundedUnits(x.n, D, 2, 2) : null;
    if (!u) return exactCents(fastField.toExact(x), divisor);
    const c = u[1] * 100 + u[2];
    if (c > MAX) return exactCents(fastField.toExact(x), divisor);
    return BigInt(u[0] ? -c : c);
  },
};

/**
 * n ÷ D by long division in safe integers (D × 10 ≤ 2^53): [negative, integer part, fraction digits,
 * places], with places the fewest in [minPlaces, maxPlaces] that are exact, else maxPlaces rounded half-up
 * (away from zero). Identical to the BigInt `formatDecimal` (property-tested).
 */
function roundedUnits(
  n: number,
  D: number,
  minPlaces: number,
  maxPlaces: number,
): [boolean, number, number, number] | null {
  const neg = n < 0;
  const a = neg ? -n : n;
  let ip = Math.floor(a / D);
  let rem = a - ip * D;
  while (rem < 0) {
    ip--;
    rem += D;
  }
  while (rem >= D) {
    ip++;
    rem -= D;
  }
  let frac = 0;
  let places = 0;
  while (places < maxPlaces && (places < minPlaces || rem !== 0)) {
    rem *= 10;
    let dg = Math.floor(rem / D);
    if (dg * D > rem) dg--;
    else if ((dg + 1) * D <= rem) dg++;
    rem -= dg * D;
    frac = frac * 10 + dg;
    places++;
  }
  if (rem !== 0 && rem * 2 >= D) {
    frac++;
    if (frac === 10 ** places) {
      frac = 0;
      ip++;
    }
  }
  if (ip > MAX) return null;
  return [neg, ip, frac, places];
}

/** A value of the hybrid field: safe-integer fraction while it fits, BigInt fraction once it does not. */
export type Hybrid = FastRat | Exact;

const toBig = (x: Hybrid): Exact => (x instanceof FastRat ? { n: BigInt(x.n), d: BigInt(x.d) } : x);
let promotions = 0;
/** How many hybrid operations have had to use BigInt so far (a counter, for statistics). */
export const hybridPromotions = (): number => promotions;

function hybrid2(fast: (a: FastRat, b: FastRat) => FastRat, big: (a: Exact, b: Exact) => Exact) {
  return (a: Hybrid, b: Hybrid): Hybrid => {
    if (a instanceof FastRat && b instanceof FastRat) {
      try {
        return fast(a, b);
      } catch (e) {
        if (e !== OVERFLOW) throw e;
      }
    }
    promotions++;
    return big(toBig(a), toBig(b));
  };
}

/**
 * The field the engine runs on: every operation is tried on safe integers (`fastField`, which never
 * rounds) and, only for the values that would overflow, done on BigInt (`exactField`). So an overflow
 * costs BigInt arithmetic only where the numbers are large, not a recomputation of the investor.
 */
export const hybridField: Field<Hybrid> = {
  name: 'hybrid',
  zero: F_ZERO,
  one: F_ONE,
  int: (k) => (Number.isSafeInteger(k) ? new FastRat(k, 1) : exactField.int(k)),
  fromExact: (x) => {
    try {
      return fastField.fromExact(x);
    } catch {
      return x;
    }
  },
  toExact: (x) => (x instanceof FastRat ? fastField.toExact(x) : exactField.toExact(x)),
  add: hybrid2(fastField.add, exactField.add),
  sub: hybrid2(fastField.sub, exactField.sub),
  mul: hybrid2(fastField.mul, exactField.mul),
  div: hybrid2(fastField.div, exactField.div),
  cmp: (a, b) => {
    if (a instanceof FastRat && b instanceof FastRat) {
      try {
        return fastField.cmp(a, b);
      } catch (e) {
        if (e !== OVERFLOW) throw e;
      }
    }
    return exactField.cmp(toBig(a), toBig(b));
  },
  sign: (a) => (a instanceof FastRat ? fastField.sign(a) : exactField.sign(a)),
  decimal: (x, divisor, minPlaces, maxPlaces) =>
    x instanceof FastRat
      ? fastField.decimal(x, divisor, minPlaces, maxPlaces)
      : exactField.decimal(x, divisor, minPlaces, maxPlaces),
  cents: (x, divisor) => (x instanceof FastRat ? fastField.cents(x, divisor) : exactField.cents(x, divisor)),
};
