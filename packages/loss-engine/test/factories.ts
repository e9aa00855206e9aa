import { type CaseResult, type InvestorResult, parseMarketCsv, type TradeInput } from '../src/index';

/** The docs/loss-rules.md §11 segment: 2022 rules, implementation 2020-01-10, disclosure 2020-06-01, base 2020-06-30, B 5.00. */
export const SPEC_SEGMENT = {
  implementationDate: '2020-01-10',
  disclosureDate: '2020-06-01',
  baseDate: '2020-06-30',
  basePrice: '5.00',
};

export function trade(
  investorId: string,
  tradeDate: string,
  side: 'B' | 'S',
  quantity: number,
  price: number | string,
  extra: Partial<TradeInput> = {},
): TradeInput {
  return {
    investorId,
    accountId: `${investorId}-1`,
    tradeDate,
    side,
    quantity,
    price,
    channel: 'auction',
    ...extra,
  };
}

export const e1 = (id = 'E1'): TradeInput[] => [
  trade(id, '2020-02-03', 'B', 1000, 10),
  trade(id, '2020-03-02', 'B', 1000, 8),
  trade(id, '2020-04-01', 'S', 500, 12),
  trade(id, '2020-06-05', 'S', 600, 6),
  trade(id, '2020-07-10', 'S', 900, 4),
];

export const e2 = (id = 'E2'): TradeInput[] => [
  trade(id, '2019-12-01', 'B', 1000, 7),
  trade(id, '2020-02-03', 'B', 1000, 10),
  trade(id, '2020-04-01', 'S', 1500, 9),
  trade(id, '2020-05-06', 'B', 500, 8),
  trade(id, '2020-06-10', 'S', 400, 6),
];

export const e3 = (id = 'E3'): TradeInput[] => [
  trade(id, '2020-02-03', 'B', 1000, 10),
  trade(id, '2020-03-02', 'S', 1000, 11),
  trade(id, '2020-04-01', 'B', 1000, 8),
  trade(id, '2020-05-06', 'B', 1000, 6),
];

export function only(r: CaseResult, id?: string): InvestorResult {
  const found = id === undefined ? r.results[0] : r.results.find((x) => x.investorId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}

export const total = (r: InvestorResult): string => {
  const c = r.money.total;
  return `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
};

/** Market rows: date, close, auction_volume, float_shares, then named index columns. */
export function market(rows: [string, string, ...string[]][], indices: string[] = []) {
  const head = ['date', 'close', 'auction_volume', 'float_shares', ...indices].join(',');
  const body = rows.map(([d, close, ...ix]) => [d, close, '100', '1000000', ...ix].join(','));
  return parseMarketCsv(`${head}\n${body.join('\n')}\n`, 'market.csv');
}
