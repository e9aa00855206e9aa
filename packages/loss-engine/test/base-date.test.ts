import { describe, expect, it } from 'vitest';
import {
  findBaseDate,
  formatDay,
  formatDecimal,
  LossInputError,
  parseDay,
  parseMarketCsv,
} from '../src/index';

/** `days` trading days (weekdays) from 2020-06-01; day k has close k and the given auction volume. */
function marketWith(volumes: (k: number) => number, days = 40) {
  const lines = ['date,close,auction_volume,float_shares'];
  let d = parseDay('2020-06-01');
  for (let k = 1; k <= days; k++) {
    while ([0, 6].includes(new Date(d * 86400000).getUTCDay())) d++;
    lines.push(`${formatDay(d)},${k},${volumes(k)},1000`);
    d++;
  }
  return parseMarketCsv(`${lines.join('\n')}\n`, 'market.csv');
}

const at = (m: ReturnType<typeof marketWith>, k: number) => m.dates[k - 1]!;

describe('base date and base price (docs/loss-rules.md §6)', () => {
  it('turnover reached on day 5: 2022 waits for the 10th day, 2003 takes day 5', () => {
    const m = marketWith(() => 200);
    const r22 = findBaseDate(m, '2020-06-01', '2022');
    expect([r22.baseDate, r22.tradingDays, r22.turnoverReachedOn]).toEqual([at(m, 10), 10, 5]);
    expect(formatDecimal(r22.basePrice, 6)).toBe('5.500000');
    const r03 = findBaseDate(m, '2020-06-01', '2003');
    expect([r03.baseDate, r03.tradingDays]).toEqual([at(m, 5), 5]);
    expect(formatDecimal(r03.basePrice, 6)).toBe('3.000000');
  });

  it('reached exactly on day 10 and on day 20', () => {
    expect(
      findBaseDate(
        marketWith(() => 100),
        '2020-06-01',
      ).tradingDays,
    ).toBe(10);
    const m = marketWith(() => 50);
    const r = findBaseDate(m, '2020-06-01', '2003');
    expect([r.baseDate, formatDecimal(r.basePrice, 6)]).toEqual([at(m, 20), '10.500000']);
    expect(findBaseDate(m, '2020-06-01', '2022').tradingDays).toBe(20);
  });

  it('reached exactly on day 30 (boundary), both rules', () => {
    const m = marketWith((k) => (k < 30 ? 30 : 130));
    for (const rules of ['2022', '2003'] as const) {
      const r = findBaseDate(m, '2020-06-01', rules);
      expect([r.tradingDays, r.turnoverReachedOn, formatDecimal(r.basePrice, 6)]).toEqual([
        30,
        30,
        '15.500000',
      ]);
    }
  });

  it('never reached: the 30th trading day under both rules', () => {
    const m = marketWith(() => 10);
    for (const rules of ['2022', '2003'] as const) {
      const r = findBaseDate(m, '2020-06-01', rules);
      expect([r.baseDate, r.tradingDays, r.turnoverReachedOn]).toEqual([at(m, 30), 30, null]);
    }
  });

  it('2003: turnover reached after the 30th trading day — that day is the base date (art. 33), 2022 stops at 30', () => {
    const m = marketWith((k) => (k < 35 ? 20 : 400), 45);
    const r03 = findBaseDate(m, '2020-06-01', '2003');
    expect([r03.baseDate, r03.tradingDays, r03.turnoverReachedOn]).toEqual([at(m, 35), 35, 35]);
    expect(formatDecimal(r03.basePrice, 6)).toBe('18.000000');
    const r22 = findBaseDate(m, '2020-06-01', '2022');
    expect([r22.baseDate, r22.tradingDays, r22.turnoverReachedOn]).toEqual([at(m, 30), 30, null]);
  });

  it('a disclosure on a non-trading day starts from the next trading day', () => {
    const m = marketWith(() => 200);
    // 2020-06-06 is a Saturday: day 1 is Monday 06-08, the 6th trading day overall; closes 6..10
    const r = findBaseDate(m, '2020-06-06', '2003');
    expect(r.baseDate).toBe(at(m, 10));
    expect(formatDecimal(r.basePrice, 6)).toBe('8.000000');
  });

  it('too little market data is an input error', () => {
    expect(() =>
      findBaseDate(
        marketWith(() => 10, 20),
        '2020-06-01',
      ),
    ).toThrow(LossInputError);
  });
});
