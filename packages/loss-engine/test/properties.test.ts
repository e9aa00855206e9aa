import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCase,
  type CaseResult,
  formatDay,
  type InvestorResult,
  parseActionsCsv,
  parseDay,
  parseMarketCsv,
  type TradeInput,
} from '../src/index';
import { eMul, eInt } from '../src/exact';

const DAY0 = parseDay('2019-12-01');
const DISCLOSURE = parseDay('2020-06-01');
const SEGMENT = {
  implementationDate: '2020-01-10',
  disclosureDate: '2020-06-01',
  baseDate: '2020-06-30',
  basePrice: '5.00',
};
const METHODS = ['mwa', 'actual-cost', 'weighted-buys', 'fifo'] as const;

interface Step {
  dayOff: number;
  buy: boolean;
  lots: number;
  priceMilli: number;
  channel: string;
}
const step = (maxDay: number): fc.Arbitrary<Step> =>
  fc.record({
    dayOff: fc.integer({ min: 0, max: maxDay }),
    buy: fc.boolean(),
    lots: fc.integer({ min: 1, max: 40 }),
    priceMilli: fc.integer({ min: 500, max: 30_000 }),
    channel: fc.constantFrom('auction', 'auction', 'auction', 'block'),
  });
const steps = (maxDay = 240) => fc.array(step(maxDay), { minLength: 1, maxLength: 25 });

const price = (milli: number): string =>
  `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;

/** Turns steps into a valid trade stream (sells never exceed holdings), ordered by date and seq. */
function toTrades(id: string, s: Step[], priceScale = 1): TradeInput[] {
  let holding = 0;
  return [...s]
    .sort((a, b) => a.dayOff - b.dayOff)
    .map((x, i): TradeInput => {
      let buy = x.buy || holding === 0;
      let quantity = x.lots * 100;
      if (!buy) quantity = Math.min(quantity, holding);
      if (quantity === 0) buy = true;
      holding += buy ? quantity : -quantity;
      return {
        investorId: id,
        accountId: `${id}-main`,
        tradeDate: formatDay(DAY0 + x.dayOff),
        seq: i,
        side: buy ? 'B' : 'S',
        channel: x.channel,
        quantity: quantity || 100,
        price: price(x.priceMilli * priceScale),
      };
    });
}

const strip = (r: InvestorResult) => ({ ...r, path: undefined });
const byId = (r: CaseResult) => new Map(r.results.map((x) => [x.investorId, strip(x)]));

describe('properties', () => {
  it('splitting an investor over several accounts never changes the result', () => {
    fc.assert(
      fc.property(
        steps(),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 25, maxLength: 25 }),
        fc.constantFrom(...METHODS),
        (s, accts, m) => {
          const one = toTrades('I', s);
          const split = one.map((t, i) => ({ ...t, accountId: `acct-${accts[i]}` }));
          const p = { segments: [SEGMENT], buyAverage: m };
          expect(strip(assessCase(p, split).results[0]!)).toEqual(strip(assessCase(p, one).results[0]!));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('scaling every price and the base price by k scales L by k', () => {
    fc.assert(
      fc.property(steps(), fc.integer({ min: 2, max: 9 }), fc.constantFrom(...METHODS), (s, k, m) => {
        const base = assessCase({ segments: [SEGMENT], buyAverage: m }, toTrades('I', s)).results[0]!;
        const scaled = assessCase(
          { segments: [{ ...SEGMENT, basePrice: String(5 * k) }], buyAverage: m },
          toTrades('I', s, k),
        ).results[0]!;
        expect(scaled.exact.L).toEqual(eMul(base.exact.L, eInt(k)));
      }),
      { numRuns: 80 },
    );
  });

  // Inflation only: in the deflation mirror, selling before disclosure is exactly what creates the loss.
  it('selling out before the disclosure date always gives zero', () => {
    fc.assert(
      fc.property(steps(DISCLOSURE - DAY0 - 3), fc.constantFrom(...METHODS), (s, m) => {
        const t = toTrades('I', s);
        const held = t.reduce((h, x) => h + (x.side === 'B' ? Number(x.quantity) : -Number(x.quantity)), 0);
        if (held > 0)
          t.push({
            ...t[t.length - 1]!,
            tradeDate: '2020-05-29',
            seq: 999,
            side: 'S',
            quantity: held,
            price: '1.000',
          });
        const r = assessCase({ segments: [SEGMENT], buyAverage: m }, t).results[0]!;
        expect(r.eligible).toBe(false);
        expect(r.money.total).toBe(0n);
      }),
      { numRuns: 80 },
    );
  });

  it('a 送转 before any trade changes nothing', () => {
    fc.assert(
      fc.property(
        steps(),
        fc.constantFrom('0.3', '1.0', '0.25', '2'),
        fc.constantFrom(...METHODS),
        (s, ratio, m) => {
          const t = toTrades('I', s);
          const actions = parseActionsCsv(`ex_date,shares_per_share\n2019-11-15,${ratio}\n`);
          const p = { segments: [SEGMENT], buyAverage: m };
          expect(strip(assessCase(p, t, null, actions).results[0]!)).toEqual(
            strip(assessCase(p, t).results[0]!),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the result does not depend on the order of investors in the file', () => {
    fc.assert(
      fc.property(
        fc.array(steps(), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (all, rot) => {
          const blocks = all.map((s, i) => toTrades(`I${i}`, s));
          const rotated = [...blocks.slice(rot % blocks.length), ...blocks.slice(0, rot % blocks.length)];
          const a = assessCase({ segments: [SEGMENT] }, blocks.flat());
          const b = assessCase({ segments: [SEGMENT] }, rotated.reverse().flat());
          expect(byId(b)).toEqual(byId(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 100 },
    );
  });

  // Market covering every calendar day of the generated range, with two indices.
  const marketArb = fc.array(
    fc.tuple(fc.integer({ min: 200_000, max: 400_000 }), fc.integer({ min: 800_000, max: 1_200_000 })),
    {
      minLength: 260,
      maxLength: 260,
    },
  );
  const marketOf = (ix: [number, number][]) =>
    parseMarketCsv(
      `date,close,auction_volume,float_shares,SH,SZ\n${ix
        .map(([a, b], i) => `${formatDay(DAY0 + i)},5,100,1000000,${a / 100},${b / 100}`)
        .join('\n')}\n`,
    );

  it('the fast path equals the exact BigInt path, for every rule and parameter', () => {
    fc.assert(
      fc.property(
        fc.array(steps(), { minLength: 1, maxLength: 3 }),
        fc.record({
          buyAverage: fc.constantFrom(...METHODS),
          direction: fc.constantFrom('inflation', 'deflation'),
          ruleVersion: fc.constantFrom('2022', '2003'),
          risk: fc.constantFrom('none', 'ratio', 'index1', 'index2'),
          apd: fc.constantFrom(null, 0, 2, 3),
          action: fc.constantFrom(null, '0.3', '1.0', '0.25'),
          twoSegments: fc.boolean(),
        }),
        marketArb,
        (all, o, ix) => {
          const segments = o.twoSegments
            ? [
                {
                  implementationDate: '2020-01-10',
                  disclosureDate: '2020-03-01',
                  baseDate: '2020-03-31',
                  basePrice: '7.123',
                },
                {
                  implementationDate: '2020-04-01',
                  disclosureDate: '2020-06-01',
                  baseDate: '2020-06-30',
                  basePrice: '5.00',
                },
              ]
            : [SEGMENT];
          const params = {
            segments,
            buyAverage: o.buyAverage,
            direction: o.direction,
            ruleVersion: o.ruleVersion,
            interestRate: o.ruleVersion === '2003' ? '0.0035' : undefined,
            commissionRate: '0.0003',
            stampDutyRate: '0.001',
            averagePriceDecimals: o.apd,
            systemicRisk:
              o.risk === 'none'
                ? { method: 'none' }
                : o.risk === 'ratio'
                  ? { method: 'ratio', ratio: '0.3333' }
                  : { method: 'index', indices: o.risk === 'index1' ? ['SH'] : ['SH', 'SZ'] },
          };
          const trades = all.flatMap((s, i) => toTrades(`I${i}`, s));
          const actions = o.action
            ? parseActionsCsv(`ex_date,shares_per_share\n2020-03-15,${o.action}\n`)
            : [];
          const m = marketOf(ix);
          const fast = assessCase(params, trades, m, actions);
          const exact = assessCase(params, trades, m, actions, { forceExact: true });
          expect(exact.results.every((r) => r.path === 'exact')).toBe(true);
          expect(byId(fast)).toEqual(byId(exact));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('overflowing the safe-integer range falls back to the exact path with identical results', () => {
    const t: TradeInput[] = [
      {
        investorId: 'BIG',
        accountId: 'a',
        tradeDate: '2020-02-03',
        side: 'B',
        quantity: 900_000_000_000_000,
        price: '99999.999',
        channel: 'auction',
      },
      {
        investorId: 'BIG',
        accountId: 'a',
        tradeDate: '2020-03-03',
        side: 'B',
        quantity: 7,
        price: '1.001',
        channel: 'auction',
      },
      {
        investorId: 'BIG',
        accountId: 'a',
        tradeDate: '2020-06-03',
        side: 'S',
        quantity: 3,
        price: '2.003',
        channel: 'auction',
      },
    ];
    const fast = assessCase({ segments: [SEGMENT] }, t);
    const exact = assessCase({ segments: [SEGMENT] }, t, null, [], { forceExact: true });
    expect(fast.results[0]!.path).toBe('exact');
    expect(fast.summary.exactPath).toBe(1);
    expect(strip(fast.results[0]!)).toEqual(strip(exact.results[0]!));
    expect(fast.results[0]!.money.L > 0n).toBe(true);
  });
});

describe('result objects', () => {
  it('keep the plain own properties; the exact components come from a getter and are not cloned', () => {
    const r = assessCase(
      { segments: [SEGMENT] },
      toTrades('I', [{ dayOff: 60, buy: true, lots: 1, priceMilli: 10_000, channel: 'auction' }]),
    ).results[0]!;
    expect(Object.keys(r)).toEqual([
      'investorId',
      'eligible',
      'reason',
      'reasonZh',
      'reasonEn',
      'inRange',
      'segments',
      'money',
      'path',
    ]);
    expect(r.exact.L.n).toBeTypeOf('bigint');
    expect((structuredClone(r) as Partial<InvestorResult>).exact).toBeUndefined();
  });
});
