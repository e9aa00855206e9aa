import type { Exact } from './exact';

/** Daily market data (trading days only, ascending): the stock and any number of named indices. */
export interface MarketData {
  dates: string[];
  days: number[];
  close: Exact[];
  auctionVolume: Exact[];
  floatShares: Exact[];
  indices: Map<string, Exact[]>;
  /** day number → row */
  dayIndex: Map<number, number>;
}

export interface MarketRow {
  date: string;
  day: number;
  close: Exact;
  auctionVolume: Exact;
  floatShares: Exact;
  indices: Record<string, Exact>;
}

export function makeMarket(rows: MarketRow[], indexNames: string[]): MarketData {
  const indices = new Map<string, Exact[]>(indexNames.map((n) => [n, []]));
  const m: MarketData = {
    dates: [],
    days: [],
    close: [],
    auctionVolume: [],
    floatShares: [],
    indices,
    dayIndex: new Map(),
  };
  for (const r of rows) {
    m.dayIndex.set(r.day, m.days.length);
    m.dates.push(r.date);
    m.days.push(r.day);
    m.close.push(r.close);
    m.auctionVolume.push(r.auctionVolume);
    m.floatShares.push(r.floatShares);
    for (const n of indexNames) {
      const v = r.indices[n];
      if (v) indices.get(n)?.push(v);
    }
  }
  return m;
}

/** A 送转 (bonus shares / capitalisation): every share before `exDate` becomes 1 + sharesPerShare shares. */
export interface CorporateAction {
  exDate: string;
  exDay: number;
  sharesPerShare: Exact;
}
