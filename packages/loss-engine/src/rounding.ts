import { type Exact, eDiv, eInt } from './exact';

const THOUSAND = eInt(1000);

/** Engine money/price unit (0.001 yuan) → yuan. */
export const toYuan = (milli: Exact): Exact => eDiv(milli, THOUSAND);

export function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const a = neg ? -cents : cents;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}
