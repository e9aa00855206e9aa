import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherColumns, kernelCount } from '../src/kernel';
import { investorOrder, investorStarts, TradeTable } from '../src/trade-table';
import {
  assessCase,
  type CaseResult,
  parseActionsCsv,
  resultRow,
  type TradeInput,
  tradeTableFrom,
} from '../src/index';

// The integer kernel (src/kernel.ts) against the generic path on BigInt (`forceExact`): every field of every
// result, the CSV row, and the unrounded exact components, on heavy partial-sell histories that overflow 2^53.
const SEGMENTS = [
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
    basePrice: '5.004',
  },
];
const DAYS = [
  '2019-12-02',
  '2020-01-13',
  '2020-02-03',
  '2020-02-20',
  '2020-03-10',
  '2020-04-06',
  '2020-05-06',
  '2020-05-25',
  '2020-06-03',
  '2020-06-29',
  '2020-07-08',
];

interface Op {
  day: number;
  buy: boolean;
  qty: number;
  priceMilli: number;
  channel: string;
  account: number;
  security: string;
}
const op = fc.record({
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
  buy: fc.boolean(),
  qty: fc.oneof(
    fc.integer({ min: 1, max: 9_999 }),
    fc.integer({ min: 1, max: 40 }).map((x) => x * 100),
  ),
  priceMilli: fc.integer({ min: 0, max: 99_999 }),
  channel: fc.constantFrom('auction', 'auction', 'auction', 'ipo', 'block', 'transfer'),
  account: fc.integer({ min: 0, max: 2 }),
  security: fc.constantFrom('600518', '600518', '600518', '000001'),
});

/** A valid stream (per security, sells never exceed the holding), ordered by date. */
function trades(id: string, ops: Op[]): TradeInput[] {
  const holding = new Map<string, number>();
  return [...ops]
    .sort((a, b) => a.day - b.day)
    .map((o, i): TradeInput => {
      const h = holding.get(o.security) ?? 0;
      const buy = o.buy || h === 0;
      const quantity = buy ? o.qty : Math.max(1, Math.min(o.qty, h));
      holding.set(o.security, h + (buy ? quantity : -quantity));
      return {
        investorId: id,
        accountId: `${id}-${o.account}`,
        security: o.security,
        tradeDate: DAYS[o.day]!,
        seq: i,
        side: buy ? 'B' : 'S',
        channel: o.channel,
        quantity,
        price: `${Math.floor(o.priceMilli / 1000)}.${String(o.priceMilli % 1000).padStart(3, '0')}`,
      };
    });
}

const rows = (r: CaseResult) =>
  r.results.map((x) => ({
    ...x,
    path: undefined,
    row: resultRow(x),
    exact: Object.values(x.exact).map((e) => `${e.n}/${e.d}`),
  }));

describe('integer kernel', () => {
  it('equals the generic exact path on every column, incl. overflowing partial-sell sequences', () => {
    let big = 0;
    const before = kernelCount();
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        fc.record({
          buyAverage: fc.constantFrom('mwa', 'mwa', 'actual-cost', 'weighted-buys', 'fifo'),
          direction: fc.constantFrom('inflation', 'inflation', 'deflation'),
          ruleVersion: fc.constantFrom('2022', '2022', '2003'),
          interest: fc.boolean(),
          risk: fc.constantFrom('none', 'ratio', 'ratio1'),
          apd: fc.constantFrom(null, null, 0, 2, 3),
          action: fc.constantFrom(null, null, null, null, '0.3', '1.0'),
          twoSegments: fc.boolean(),
          security: fc.constantFrom(null, '600518'),
          fees: fc.boolean(),
        }),
        (all, o) => {
          const params = {
            segments: o.twoSegments ? SEGMENTS : [SEGMENTS[1]],
            buyAverage: o.buyAverage,
            direction: o.direction,
            ruleVersion: o.ruleVersion,
            interestRate: o.ruleVersion === '2003' && o.interest ? '0.0035' : undefined,
            commissionRate: o.fees ? '0.0003' : undefined,
            stampDutyRate: o.fees ? '0.001' : undefined,
            averagePriceDecimals: o.apd,
            security: o.security ?? undefined,
            systemicRisk:
              o.risk === 'none'
                ? { method: 'none' }
                : { method: 'ratio', ratio: o.risk === 'ratio' ? '0.3333' : '1' },
          };
          const ts = all
            .flatMap((s, i) => trades(`I${i}`, s))
            .filter((t) => o.security !== null || t.security === '600518');
          if (ts.length === 0) return;
          const actions = o.action
            ? parseActionsCsv(`ex_date,shares_per_share\n2020-02-15,${o.action}\n`)
            : [];
          const fast = assessCase(params, ts, null, actions);
          const exact = assessCase(params, ts, null, actions, { forceExact: true });
          big += fast.results.filter((r) => r.path === 'exact').length;
          expect(rows(fast)).toEqual(rows(exact));
          expect(fast.summary.totals).toEqual(exact.summary.totals);
          // The same trades interleaved across investors (as in an exchange extract), the table then
          // grouped in place (as the CLI does): the same results.
          const lists = all.map((x, i) =>
            trades(`I${i}`, x).filter((t) => o.security !== null || t.security === '600518'),
          );
          const mixed: TradeInput[] = [];
          for (let k = 0; mixed.length < ts.length; k++)
            for (const l of lists) if (k < l.length) mixed.push({ ...l[k]!, line: mixed.length + 2 });
          const table = tradeTableFrom(mixed);
          table.groupInPlace();
          const grouped = assessCase(params, table, null, actions);
          const lines = (r: CaseResult) => r.results.map((x) => resultRow(x));
          expect(lines(grouped)).toEqual(lines(fast));
          expect(grouped.summary.totals).toEqual(fast.summary.totals);
        },
      ),
      { numRuns: 300 },
    );
    // The kernel really ran, and often on its BigInt representation.
    expect(kernelCount() - before).toBeGreaterThan(100);
    expect(big).toBeGreaterThan(0);
  });

  it('equals it on long mwa histories of odd lots (the BigInt representation of the cost)', () => {
    let big = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 5, max: 8 }),
            buy: fc.boolean(),
            qty: fc.integer({ min: 1, max: 999 }),
            priceMilli: fc.integer({ min: 1, max: 99_999 }),
            channel: fc.constant('auction'),
            account: fc.integer({ min: 0, max: 1 }),
            security: fc.constant('600518'),
          }),
          { minLength: 40, maxLength: 200 },
        ),
        fc.constantFrom('none', 'ratio'),
        (ops, risk) => {
          const params = {
            segments: [SEGMENTS[1]],
            commissionRate: '0.0003',
            stampDutyRate: '0.001',
            systemicRisk: risk === 'none' ? { method: 'none' } : { method: 'ratio', ratio: '0.2' },
          };
          const ts = trades('H', ops);
          const fast = assessCase(params, ts);
          const exact = assessCase(params, ts, null, [], { forceExact: true });
          if (fast.results[0]!.path === 'exact') big++;
          expect(rows(fast)).toEqual(rows(exact));
        },
      ),
      { numRuns: 100 },
    );
    expect(big).toBeGreaterThan(30);
  });

  it('a sell exceeding the holding still raises the generic error', () => {
    const t: TradeInput[] = [
      {
        investorId: 'X',
        accountId: 'a',
        tradeDate: '2020-04-06',
        side: 'B',
        quantity: 100,
        price: '5',
        line: 2,
      },
      {
        investorId: 'X',
        accountId: 'a',
        tradeDate: '2020-04-07',
        side: 'S',
        quantity: 300,
        price: '5',
        line: 3,
      },
    ];
    expect(() => assessCase({ segments: [SEGMENTS[1]] }, t)).toThrow(/SELL_EXCEEDS_HOLDINGS|持仓/);
  });
});

describe('gatherColumns', () => {
  it('puts every investor range’s trades in investor order, file order within an investor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (investors, trades, seed) => {
          let x = seed;
          const rnd = (n: number) => {
            x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
            return x % n;
          };
          const t = new TradeTable('t', trades);
          for (let i = 0; i < investors; i++) t.investorOf(`I${i}`);
          // a skewed mix: some investors with many trades
          for (let r = 0; r < trades; r++) {
            const inv = rnd(4) === 0 ? rnd(Math.min(investors, 3)) : rnd(investors);
            const acc = t.accountOf(`A${inv}`, inv);
            t.push(inv, acc, 18_000 + r, r, rnd(2), rnd(3), 1 + rnd(1000), rnd(50_000), r + 2, rnd(2));
          }
          const start = investorStarts(t);
          const from = rnd(investors);
          const to = from + 1 + rnd(investors - from);
          const c = gatherColumns(t, start, from, to);
          const order = investorOrder(t, start);
          const off = start[from]!;
          for (let i = off; i < start[to]!; i++) {
            const r = order[i]!;
            const j = i - off;
            expect([
              c.day[j],
              c.seq[j],
              c.side[j],
              c.qty[j],
              c.priceMilli[j],
              c.channel[j],
              c.security[j],
            ]).toEqual([
              t.day[r],
              t.seq[r],
              t.side[r],
              t.qty[r],
              t.priceMilli[r],
              t.channel[r],
              t.security[r],
            ]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('TradeTable.groupInPlace', () => {
  it('puts each investor’s rows, every column, in its investorStarts range in file order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (investors, trades, seed) => {
          let x = seed;
          const rnd = (n: number) => {
            x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
            return x % n;
          };
          const a = new TradeTable('t', trades);
          const b = new TradeTable('t', trades);
          for (let i = 0; i < investors; i++) {
            a.investorOf(`I${i}`);
            b.investorOf(`I${i}`);
          }
          for (let r = 0; r < trades; r++) {
            const inv = rnd(4) === 0 ? rnd(Math.min(investors, 3)) : rnd(investors);
            const row = [
              18_000 + r,
              rnd(1000),
              rnd(2),
              rnd(3),
              rnd(3) === 0 ? 2 ** 40 + rnd(1000) : 1 + rnd(1000),
              rnd(50_000),
              r + 2,
              rnd(2),
            ] as const;
            for (const t of [a, b]) {
              const acc = t.accountOf(`A${inv}-${rnd(2)}`, inv);
              t.push(inv, acc, ...row);
            }
          }
          b.groupInPlace();
          expect(b.grouped).toBe(true);
          const start = investorStarts(a);
          expect(investorStarts(b)).toEqual(start);
          const order = investorOrder(a, start);
          const cols = (t: TradeTable, r: number) => [
            t.investor[r],
            t.account[r],
            t.day[r],
            t.seq[r],
            t.side[r],
            t.channel[r],
            t.qty[r],
            t.priceMilli[r],
            t.line[r],
            t.security[r],
          ];
          for (let i = 0; i < a.count; i++) expect(cols(b, i)).toEqual(cols(a, order[i]!));
        },
      ),
      { numRuns: 40 },
    );
  });
});
