/** Exact rationals over BigInt: the reference arithmetic every result is checked against. */
export interface Exact {
  readonly n: bigint;
  /** Always > 0; the pair is always reduced. */
  readonly d: bigint;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function exact(n: bigint, d = 1n): Exact {
  if (d === 0n) throw new RangeError('division by zero');
  let num = n;
  let den = d;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { n: num, d: 1n };
  const g = bigGcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const E_ZERO: Exact = { n: 0n, d: 1n };
export const E_ONE: Exact = { n: 1n, d: 1n };

export const eAdd = (a: Exact, b: Exact): Exact =>
  a.d === b.d ? exact(a.n + b.n, a.d) : exact(a.n * b.d + b.n * a.d, a.d * b.d);
export const eMul = (a: Exact, b: Exact): Exact => exact(a.n * b.n, a.d * b.d);
export const eDiv = (a: Exact, b: Exact): Exact => exact(a.n * b.d, a.d * b.n);
export const eCmp = (a: Exact, b: Exact): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const eSign = (a: Exact): number => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const eInt = (k: number | bigint): Exact => ({ n: BigInt(k), d: 1n });

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal ("12", "-0.125", "3.") exactly; null when it is not one. */
export function parseDecimal(text: string): Exact | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac);
  return exact(m[1] === '-' ? -n : n, 10n ** BigInt(frac.length));
}

/** Rounds half away from zero (四舍五入) to `places` decimals. */
function roundHalfUp(x: Exact, places: number): Exact {
  const scale = 10n ** BigInt(places);
  const scaled = x.n * scale;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const q = (abs * 2n + x.d) / (2n * x.d);
  return exact(neg ? -q : q, scale);
}

function digits(intPart: bigint, fracPart: bigint, places: number, neg: boolean): string {
  const frac = places > 0 ? `.${fracPart.toString().padStart(places, '0')}` : '';
  return `${neg ? '-' : ''}${intPart.toString()}${frac}`;
}

/** Fixed `places` decimals, rounded half-up. */
export function formatFixed(x: Exact, places: number): string {
  const r = roundHalfUp(x, places);
  const scale = 10n ** BigInt(places);
  const scaled = (r.n * scale) / r.d;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  return digits(abs / scale, abs % scale, places, neg && abs !== 0n);
}

/**
 * At least `minPlaces` decimals; exact when the value terminates within `maxPlaces`, otherwise
 * rounded half-up at `maxPlaces`.
 */
export function formatDecimal(x: Exact, minPlaces = 6, maxPlaces = 12): string {
  let places = minPlaces;
  let scale = 10n ** BigInt(places);
  while (places < maxPlaces && (x.n * scale) % x.d !== 0n) {
    places++;
    scale *= 10n;
  }
  return formatFixed(x, places);
}
