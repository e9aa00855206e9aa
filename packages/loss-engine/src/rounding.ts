import { type Exact, eAdd, eDiv, eInt, formatDecimal, roundHalfUp } from './exact';

const THOUSAND = eInt(1000);

/** Engine money/price unit (0.001 yuan) → yuan. */
export const toYuan = (milli: Exact): Exact => eDiv(milli, THOUSAND);

/** A money component rounded half-up (四舍五入) to 0.01 yuan, as integer cents. */
export function roundToCents(yuan: Exact): bigint {
  const r = roundHalfUp(yuan, 2);
  return (r.n * 100n) / r.d;
}

export function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const a = neg ? -cents : cents;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** Averages and ratios: exact when they terminate within 12 places, never fewer than 6. */
export const formatAverage = (x: Exact): string => formatDecimal(x, 6, 12);
/** Share quantities: exact (whole unless ex-rights restoration made fractions). */
export const formatQuantity = (x: Exact): string => formatDecimal(x, 0, 12);

export function sumExact(xs: Exact[]): Exact {
  let s: Exact = { n: 0n, d: 1n };
  for (const x of xs) s = eAdd(s, x);
  return s;
}
