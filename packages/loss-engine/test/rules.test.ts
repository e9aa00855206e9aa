import { describe, expect, it } from 'vitest';
import { assessCase, LossInputError, parseActionsCsv, validateParams } from '../src/index';
import { e1, e2, e3, market, only, SPEC_SEGMENT, total, trade } from './factories';

const run = (
  extra: Record<string, unknown>,
  trades: ReturnType<typeof e1>,
  opts: Parameters<typeof assessCase>[2] = null,
) => only(assessCase({ segments: [SPEC_SEGMENT], ...extra }, trades, opts));

describe('deflation (诱空, art. 28 mirror)', () => {
  it('W1 sells create the exposure, W2 buy-backs cover it after the non-compensable part', () => {
    const seg = { ...SPEC_SEGMENT, basePrice: '7' };
    const trades = [
      trade('D', '2019-12-01', 'B', 2000, 6),
      trade('D', '2020-03-02', 'S', 1000, 5),
      trade('D', '2020-04-01', 'S', 500, 4, { channel: 'block' }),
      trade('D', '2020-06-05', 'B', 800, 8),
    ];
    // covers 500 block first, then 300 compensable: L = 300×8 + 700×7 − 1000×5 = 2,300
    const r = only(assessCase({ segments: [seg], direction: 'deflation' }, trades));
    const s = r.segments[0]!;
    expect([s.N, s.C, s.Ns, s.Ps, s.Nh]).toEqual(['1000', '5.000000', '300', '8.000000', '700']);
    expect(total(r)).toBe('2300.00');
  });

  it('a price that fell further after disclosure gives no deflation loss', () => {
    const trades = [trade('D', '2019-12-01', 'B', 1000, 6), trade('D', '2020-03-02', 'S', 1000, 5)];
    const r = only(
      assessCase({ segments: [{ ...SPEC_SEGMENT, basePrice: '4' }], direction: 'deflation' }, trades),
    );
    expect(r.reason).toBe('NO_LOSS');
    expect(total(r)).toBe('0.00');
  });
});

describe('2003 rules with interest', () => {
  it('interest = L′ × rate × D / 365 with D from the average buy day to each exit', () => {
    // buy days 02-03 (34) and 03-02 (62): average 48; exits 600 on 06-05 (157), 900 at base 06-30 (182): 172.
    // D = 124; 5400 × 0.0035 × 124 / 365 = 6.4208… → 6.42
    const r = run({ ruleVersion: '2003', interestRate: '0.0035' }, e1());
    expect(r.segments[0]!.interest).toBe('6.42');
    expect(total(r)).toBe('5406.42');
  });

  it('interest is refused under the 2022 rules', () => {
    const v = validateParams({ segments: [SPEC_SEGMENT], interestRate: 0.0035 });
    expect(v.ok).toBe(false);
  });
});

describe('several segments', () => {
  it('each W1 buy belongs to its own segment; totals add; fields joined per segment', () => {
    const segments = [
      {
        implementationDate: '2020-01-10',
        disclosureDate: '2020-03-01',
        baseDate: '2020-03-31',
        basePrice: 8,
      },
      {
        implementationDate: '2020-04-01',
        disclosureDate: '2020-06-01',
        baseDate: '2020-06-30',
        basePrice: 5,
      },
    ];
    const trades = [
      trade('S', '2020-02-03', 'B', 1000, 10),
      trade('S', '2020-03-10', 'S', 400, 9),
      trade('S', '2020-04-15', 'B', 500, 7),
      trade('S', '2020-06-05', 'S', 200, 6),
    ];
    // S1: 10000 − 3600 − 600×8 = 1600; S2: 600 legacy shares absorb the W2 sell: 3500 − 500×5 = 1000
    const r = only(assessCase({ segments }, trades));
    expect(r.segments.map((s) => s.L)).toEqual(['1600.00', '1000.00']);
    expect(r.segments.map((s) => s.N)).toEqual(['1000', '500']);
    expect(total(r)).toBe('2600.00');
  });

  it('rejects segments whose dates are not in order', () => {
    const v = validateParams({
      segments: [{ ...SPEC_SEGMENT, disclosureDate: '2020-01-01' }],
    });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]!.code).toBe('SEGMENT_ORDER');
  });
});

describe('eligible channels', () => {
  const trades = [
    trade('C', '2020-02-03', 'B', 1000, 10),
    trade('C', '2020-03-02', 'B', 1000, 9, { channel: 'block' }),
    trade('C', '2020-04-01', 'S', 500, 12),
    trade('C', '2020-06-05', 'S', 800, 6),
  ];
  it('block buys are non-compensable and are sold first', () => {
    // W2 sell: 500 block remain first, then 300 compensable: 10000 − 1800 − 700×5 = 4700
    const r = run({}, trades);
    expect([r.segments[0]!.N, r.segments[0]!.Ns]).toEqual(['1000', '300']);
    expect(total(r)).toBe('4700.00');
  });
  it('made eligible, block buys join the average', () => {
    // C = 9.5, N = 1500, Ns = 800: 14250 − 4800 − 3500 = 5950
    expect(total(run({ eligibleChannels: ['auction', 'block'] }, trades))).toBe('5950.00');
  });
});

describe('buy-average methods', () => {
  it('weighted-buys ignores sells: E2 → 3,933.33, E3 → 6,000.00', () => {
    expect(total(run({ buyAverage: 'weighted-buys' }, e2()))).toBe('3933.33');
    expect(total(run({ buyAverage: 'weighted-buys' }, e3()))).toBe('6000.00');
  });
  it('fifo sells consume the oldest lots: E2 → 3,600.00', () => {
    expect(total(run({ buyAverage: 'fifo' }, e2()))).toBe('3600.00');
  });
  it('averagePriceDecimals rounds C half-up before it enters L', () => {
    // fifo E1: C = 8.666…; 2 decimals → 8.67: 13005 − 3600 − 4500 = 4905
    expect(total(run({ buyAverage: 'fifo', averagePriceDecimals: 2 }, e1()))).toBe('4905.00');
    expect(run({ buyAverage: 'fifo', averagePriceDecimals: 2 }, e1()).segments[0]!.C).toBe('8.670000');
    expect(total(run({ buyAverage: 'fifo', averagePriceDecimals: 0 }, e1()))).toBe('5400.00');
    expect(total(run({ buyAverage: 'fifo' }, e1()))).toBe('4900.00');
  });
});

describe('reasons', () => {
  it('sold out before disclosure', () => {
    const r = run({}, [trade('X', '2020-02-03', 'B', 1000, 10), trade('X', '2020-03-02', 'S', 1000, 9)]);
    expect([r.eligible, r.reason, total(r)]).toEqual([false, 'SOLD_OUT_BEFORE_DISCLOSURE', '0.00']);
  });
  it('not in range when every buy is outside W1', () => {
    const r = run({}, [trade('X', '2019-02-03', 'B', 1000, 10), trade('X', '2020-06-03', 'B', 100, 9)]);
    expect(r.reason).toBe('NOT_IN_RANGE');
  });
  it('an investor whose W1 buys were all block trades gets its own reason, not "no eligible buy"', () => {
    const trades = [
      trade('X', '2020-02-03', 'B', 1000, 10, { channel: 'block' }),
      trade('X', '2020-06-03', 'S', 400, 9),
    ];
    // Both paths: the integer kernel and the generic one (explain), on the same trades.
    for (const opts of [{}, { explain: true }, { forceExact: true }]) {
      const r = only(assessCase({ segments: [SPEC_SEGMENT] }, trades, null, [], opts));
      expect([r.eligible, r.reason, total(r)]).toEqual([false, 'INELIGIBLE_CHANNEL_ONLY', '0.00']);
      expect(r.reasonZh).toContain('大宗交易');
      expect(r.reasonEn).toContain('block trade');
    }
    // A block buy beside an eligible one that was sold out keeps the sold-out reason.
    const r = run({}, [
      trade('X', '2020-02-03', 'B', 1000, 10, { channel: 'block' }),
      trade('X', '2020-02-04', 'B', 100, 10),
      trade('X', '2020-03-02', 'S', 1100, 9),
    ]);
    expect(r.reason).toBe('SOLD_OUT_BEFORE_DISCLOSURE');
  });
  it('negative parts net against positive ones; L < 0 → 0', () => {
    const r = run({}, [trade('X', '2020-02-03', 'B', 1000, 4), trade('X', '2020-06-03', 'S', 500, 7)]);
    expect([r.reason, total(r)]).toEqual(['NO_LOSS', '0.00']);
  });
  it('explains every trade with a code and bilingual text', () => {
    const r = only(assessCase({ segments: [SPEC_SEGMENT] }, e2(), null, [], { explain: true }));
    expect(r.trades!.map((t) => [t.line, t.code, t.used])).toEqual([
      [1, 'PRE_PERIOD', false],
      [2, 'W1_OPEN', true],
      [3, 'W1_CLOSE', true],
      [4, 'W1_OPEN', true],
      [5, 'W2_CLOSE', true],
    ]);
    expect(r.trades![0]!.zh).toContain('实施日前');
  });
});

describe('account merging and input errors', () => {
  it('merges the accounts of one investor by date', () => {
    const split = e1().map((t, i) => ({ ...t, accountId: i % 2 ? 'x' : 'y' }));
    expect(total(run({}, split))).toBe('5400.00');
  });
  it('a sell exceeding holdings names the line and the quantity column', () => {
    const bad = [trade('X', '2020-02-03', 'B', 100, 10), trade('X', '2020-03-02', 'S', 200, 9)];
    expect(() => run({}, bad)).toThrowError(/2:8 \(quantity\).*SELL_EXCEEDS_HOLDINGS.*卖出数量超过.*exceeds/);
    const kept = assessCase({ segments: [SPEC_SEGMENT] }, [...bad, ...e1()], null, [], { keepGoing: true });
    expect(kept.results.map((x) => x.investorId)).toEqual(['E1']);
    expect(kept.errors[0]!.error).toBeInstanceOf(LossInputError);
    expect(kept.summary.errors).toBe(1);
  });
  it('trades going backwards within an account are rejected', () => {
    const bad = [trade('X', '2020-03-02', 'B', 100, 10), trade('X', '2020-02-03', 'B', 200, 9)];
    expect(() => run({}, bad)).toThrowError(/OUT_OF_ORDER/);
  });
});

describe('送转 restoration (art. 29)', () => {
  it('10送10 before the sells is the same case as E1 in post-ex terms', () => {
    const actions = parseActionsCsv('ex_date,shares_per_share\n2020-03-15,1.0\n');
    const trades = [
      trade('R', '2020-02-03', 'B', 1000, 10),
      trade('R', '2020-03-02', 'B', 1000, 8),
      trade('R', '2020-04-01', 'S', 1000, 6),
      trade('R', '2020-06-05', 'S', 1200, 3),
    ];
    const r = only(assessCase({ segments: [{ ...SPEC_SEGMENT, basePrice: '2.5' }] }, trades, null, actions));
    expect([r.segments[0]!.N, r.segments[0]!.C]).toEqual(['3000', '4.500000']);
    expect(total(r)).toBe('5400.00');
  });
  it('10送3 gives fractional restored quantities, exactly', () => {
    const actions = parseActionsCsv('ex_date,shares_per_share\n2020-03-15,0.3\n');
    const trades = [trade('R', '2020-02-03', 'B', 1, 10), trade('R', '2020-06-05', 'S', 1, 5)];
    const r = only(assessCase({ segments: [SPEC_SEGMENT] }, trades, null, actions));
    // 1.3 shares at 10/1.3; sell 1 at 5; 0.3 held at 5: 10 − 5 − 1.5 = 3.50
    expect([r.segments[0]!.N, r.segments[0]!.Nh]).toEqual(['1.3', '0.3']);
    expect(total(r)).toBe('3.50');
  });
});

describe('systemic risk by index comparison (同步指数对比法)', () => {
  const rows: [string, string, ...string[]][] = [
    ['2020-02-03', '10', '3000', '10000'],
    ['2020-03-02', '8', '2800', '10000'],
    ['2020-04-01', '12', '2900', '9500'],
    ['2020-06-01', '6', '2700', '9000'],
    ['2020-06-05', '6', '2600', '9000'],
    ['2020-06-30', '5', '2500', '9000'],
  ];
  const m = market(rows, ['SH', 'SZ']);
  it('single index: Iin 2900, Iout 2600, ΔS −0.4 → r = 15/58', () => {
    const r = only(
      assessCase({ segments: [SPEC_SEGMENT], systemicRisk: { method: 'index', indices: ['SH'] } }, e1(), m),
    );
    expect(r.segments[0]!.r).toBe('0.258620689655');
    // 5400 × 43/58 = 4003.448… → 4003.45
    expect(total(r)).toBe('4003.45');
  });
  it('3+X: ΔI is the mean over the indices → r = 59/232', () => {
    const r = only(
      assessCase(
        { segments: [SPEC_SEGMENT], systemicRisk: { method: 'index', indices: ['SH', 'SZ'] } },
        e1(),
        m,
      ),
    );
    expect(r.segments[0]!.r).toBe('0.254310344828');
    expect(total(r)).toBe('4026.72');
  });
  it('an index that rose gives r = 0', () => {
    const up = market(
      rows.map(([d, c, sh]) => [d, c, String(Number(sh) + (d >= '2020-06-01' ? 1000 : 0))]),
      ['SH'],
    );
    const r = only(
      assessCase({ segments: [SPEC_SEGMENT], systemicRisk: { method: 'index', indices: ['SH'] } }, e1(), up),
    );
    expect(r.segments[0]!.r).toBe('0.000000');
  });
  it('missing market data names the trade line and date column', () => {
    const short = market(
      rows.filter(([d]) => d !== '2020-03-02'),
      ['SH', 'SZ'],
    );
    expect(() =>
      assessCase(
        { segments: [SPEC_SEGMENT], systemicRisk: { method: 'index', indices: ['SH'] } },
        e1(),
        short,
      ),
    ).toThrowError(/2:4 \(trade_date\).*MISSING_MARKET_DATA/);
    expect(() =>
      assessCase({ segments: [SPEC_SEGMENT], systemicRisk: { method: 'index', indices: ['SH'] } }, e1()),
    ).toThrowError(/MISSING_MARKET_DATA/);
  });
});
