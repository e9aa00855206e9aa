import { parseDay } from './dates';
import { inputError } from './errors';
import { type Exact, eAdd, eCmp, eDiv, eInt, E_ZERO } from './exact';
import type { MarketData } from './market';
import type { RuleVersion } from './params';

export interface BaseDateResult {
  baseDate: string;
  /** Mean close from the first trading day on/after disclosure to the base date, exact. */
  basePrice: Exact;
  /** Trading days counted (the base date is the k-th). */
  tradingDays: number;
  /**
   * The trading day (1-based) on which cumulative auction volume reached the float, or null if not within the
   * 30 days (2022) or the market data (2003).
   */
  turnoverReachedOn: number | null;
}

/**
 * Art. 26 of 法释〔2022〕2号 / art. 33 of 法释〔2003〕2号: base date and base price (docs/loss-rules.md §6). The
 * court's values prevail.
 */
export function findBaseDate(
  market: MarketData,
  disclosureDate: string,
  rules: RuleVersion = '2022',
): BaseDateResult {
  const disc = parseDay(disclosureDate);
  if (Number.isNaN(disc))
    throw inputError(
      'BAD_DATE',
      `揭露日无法解析 "${disclosureDate}"`,
      `unparseable disclosure date "${disclosureDate}"`,
    );
  let first = market.days.findIndex((d) => d >= disc);
  if (first < 0) first = market.days.length;
  let cumulative = E_ZERO;
  let reached: number | null = null;
  // 2022 (art. 26) looks no further than the 30th trading day. 2003 (art. 33) takes the day turnover reaches
  // 100 % however late that is; only when the market data never shows it is the 30th trading day used.
  const limit = rules === '2022' ? 30 : Number.POSITIVE_INFINITY;
  for (let k = 1; k <= limit && first + k - 1 < market.days.length; k++) {
    const i = first + k - 1;
    cumulative = eAdd(cumulative, market.auctionVolume[i]!);
    if (eCmp(cumulative, market.floatShares[i]!) >= 0) {
      reached = k;
      break;
    }
  }
  const k = reached === null ? 30 : rules === '2022' ? Math.max(10, reached) : reached;
  if (first + k > market.days.length)
    throw inputError(
      'INSUFFICIENT_MARKET_DATA',
      `揭露日后行情不足 ${k} 个交易日`,
      `market data has fewer than ${k} trading days from the disclosure date`,
    );
  return {
    baseDate: market.dates[first + k - 1]!,
    basePrice: meanOver(market.close, first, first + k),
    tradingDays: k,
    turnoverReachedOn: reached,
  };
}

/** Exact mean of values[from..to). */
export function meanOver(values: Exact[], from: number, to: number): Exact {
  let sum = E_ZERO;
  for (let i = from; i < to; i++) sum = eAdd(sum, values[i]!);
  return eDiv(sum, eInt(to - from));
}

/** Market rows with disc ≤ day ≤ base, as [from, to). */
export function rowsBetween(market: MarketData, disc: number, base: number): [number, number] {
  let from = 0;
  while (from < market.days.length && market.days[from]! < disc) from++;
  let to = from;
  while (to < market.days.length && market.days[to]! <= base) to++;
  return [from, to];
}
