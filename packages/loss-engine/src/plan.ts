import { meanOver, findBaseDate, rowsBetween } from './base-date';
import { formatDay, parseDay } from './dates';
import { inputError } from './errors';
import { type Exact, E_ONE, eAdd, eInt, eMul, formatDecimal } from './exact';
import type { CorporateAction, MarketData } from './market';
import type { LossParams } from './params';
import type { TradeTable } from './trade-table';

export interface SegmentPlan {
  impl: number;
  disc: number;
  base: number;
  baseDate: string;
  /** B in yuan and in the engine's unit (0.001 yuan). */
  basePrice: Exact;
  basePriceMilli: Exact;
  /** B as printed (≥ 6 places). */
  basePriceText: string;
  /** Per index: mean close from the disclosure date to the base date (index method). */
  meanIndex: Exact[];
}

/** Everything about a case that does not depend on the investor, resolved once. */
export interface CasePlan {
  params: LossParams;
  segments: SegmentPlan[];
  /** Inflation: buys open the compensable position; deflation mirrors it with sells. */
  opensAreBuys: boolean;
  eligibleChannel: boolean[];
  /** Values averaged per trade: price, then buy day (interest), then index closes. */
  dims: number;
  dayDim: number;
  idxStart: number;
  indexNames: string[];
  market: MarketData | null;
  indexColumns: Exact[][];
  /** Corporate actions, ascending, with factor 1 + shares per share. */
  actions: { exDay: number; factor: Exact }[];
  /** Table security index that counts; -1 = all. */
  security: number;
  explain: boolean;
  /** Per-field conversions of the constants above (lazy). */
  cache: Map<string, unknown>;
}

/**
 * Scales an index column to integers (×10^decimals). Only ratios Iout/Iin of an index enter r, so the
 * common scale cancels exactly, and integer closes keep the fast path's denominators small.
 */
function toIntegers(col: Exact[]): Exact[] {
  let scale = 1n;
  for (const x of col) while (scale % x.d !== 0n) scale *= 10n;
  return scale === 1n ? col : col.map((x) => ({ n: (x.n * scale) / x.d, d: 1n }));
}

export function buildPlan(
  params: LossParams,
  table: TradeTable,
  market: MarketData | null,
  actions: CorporateAction[],
  explain: boolean,
): CasePlan {
  const segments = params.segments.map((s, i): SegmentPlan => {
    const impl = parseDay(s.implementationDate);
    const disc = parseDay(s.disclosureDate);
    let baseDate = s.baseDate;
    let basePrice = s.basePrice;
    if (baseDate === null || basePrice === null) {
      if (!market)
        throw inputError(
          'MISSING_MARKET_DATA',
          `segments[${i}] 未给出基准日/基准价，需要行情文件`,
          `segments[${i}] has no baseDate/basePrice: market data is needed to derive them`,
        );
      if (baseDate === null) {
        const found = findBaseDate(market, s.disclosureDate, params.ruleVersion);
        baseDate = found.baseDate;
        basePrice ??= found.basePrice;
      } else {
        const [from, to] = rowsBetween(market, disc, parseDay(baseDate));
        if (to <= from)
          throw inputError(
            'MISSING_MARKET_DATA',
            `segments[${i}] 揭露日至基准日无行情`,
            `segments[${i}]: no market rows from disclosure to base date`,
          );
        basePrice = meanOver(market.close, from, to);
      }
    }
    const base = parseDay(baseDate);
    return {
      impl,
      disc,
      base,
      baseDate,
      basePrice,
      basePriceMilli: eMul(basePrice, eInt(1000)),
      basePriceText: formatDecimal(basePrice, 6, 12),
      meanIndex: [],
    };
  });
  const indexNames = params.systemicRisk.method === 'index' ? params.systemicRisk.indices : [];
  const indexColumns: Exact[][] = [];
  if (indexNames.length > 0) {
    if (!market)
      throw inputError(
        'MISSING_MARKET_DATA',
        '指数对比法需要行情文件',
        'the index method needs market data (--market)',
      );
    for (const name of indexNames) {
      const col = market.indices.get(name);
      if (!col || col.length !== market.days.length)
        throw inputError(
          'MISSING_MARKET_DATA',
          `行情文件缺少指数列 "${name}"`,
          `market data has no index column "${name}"`,
          {
            columnName: name,
          },
        );
      indexColumns.push(toIntegers(col));
    }
    for (const [i, seg] of segments.entries()) {
      const [from, to] = rowsBetween(market, seg.disc, seg.base);
      if (to <= from)
        throw inputError(
          'MISSING_MARKET_DATA',
          `segments[${i}] 揭露日 ${formatDay(seg.disc)} 至基准日无指数行情`,
          `segments[${i}]: no index data from ${formatDay(seg.disc)} to the base date`,
        );
      seg.meanIndex = indexColumns.map((c) => meanOver(c, from, to));
    }
  }
  const interest = params.ruleVersion === '2003' && params.interestRate !== null;
  const dayDim = interest ? 1 : -1;
  const idxStart = indexNames.length > 0 ? (interest ? 2 : 1) : -1;
  const eligible = new Set(params.eligibleChannels);
  let security = -1;
  if (params.security !== null) security = table.securityIndex.get(params.security) ?? -2;
  return {
    params,
    segments,
    opensAreBuys: params.direction === 'inflation',
    eligibleChannel: table.channels.map((c) => eligible.has(c)),
    dims: 1 + (interest ? 1 : 0) + indexNames.length,
    dayDim,
    idxStart,
    indexNames,
    market,
    indexColumns,
    actions: actions
      .map((a) => ({ exDay: a.exDay, factor: eAdd(E_ONE, a.sharesPerShare) }))
      .sort((a, b) => a.exDay - b.exDay),
    security,
    explain,
    cache: new Map(),
  };
}
