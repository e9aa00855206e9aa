import { describe, expect, it } from 'vitest';
import { assessCase } from '../src/index';
import { e1, e2, e3, only, SPEC_SEGMENT, total } from './factories';

// docs/loss-rules.md §11, every variant.
describe('worked examples (docs/loss-rules.md §11)', () => {
  const run = (extra: Record<string, unknown>, trades = e1()) =>
    only(assessCase({ segments: [SPEC_SEGMENT], ...extra }, trades));

  it('E1 mwa: C = 9, N = 1500, Ns = 600, Nh = 900, L = 5,400.00', () => {
    const r = run({});
    const s = r.segments[0]!;
    expect([s.N, s.C, s.Ns, s.Ps, s.Nh, s.B]).toEqual([
      '1500',
      '9.000000',
      '600',
      '6.000000',
      '900',
      '5.000000',
    ]);
    expect(s.L).toBe('5400.00');
    expect(total(r)).toBe('5400.00');
    expect(r.reason).toBe('LOSS');
  });

  it('E1 actual-cost: C = 8 → 3,900.00', () => {
    const r = run({ buyAverage: 'actual-cost' });
    expect(r.segments[0]!.C).toBe('8.000000');
    expect(total(r)).toBe('3900.00');
  });

  it('E1 fifo → 4,900.00', () => {
    expect(total(run({ buyAverage: 'fifo' }))).toBe('4900.00');
  });

  it('E1 with commission 0.0003 and stamp 0.001 → 5,407.02', () => {
    const r = run({ commissionRate: '0.0003', stampDutyRate: '0.001' });
    expect(r.segments[0]!.commission).toBe('1.62');
    expect(r.segments[0]!.stamp_duty).toBe('5.40');
    expect(total(r)).toBe('5407.02');
  });

  it('E1 with fees and r = 0.25 → L′ 4,050.00, fees 1.22 + 4.05 → 4,055.27', () => {
    const r = run({
      commissionRate: 0.0003,
      stampDutyRate: 0.001,
      systemicRisk: { method: 'ratio', ratio: 0.25 },
    });
    const s = r.segments[0]!;
    expect([s.L, s.r, s.L_deducted, s.commission, s.stamp_duty]).toEqual([
      '5400.00',
      '0.250000',
      '4050.00',
      '1.22',
      '4.05',
    ]);
    expect(total(r)).toBe('4055.27');
  });

  it('E2: the W1 sell consumes the 1,000 legacy shares first; C = 9, N = 1000 → 3,600.00', () => {
    const r = run({}, e2());
    expect([r.segments[0]!.N, r.segments[0]!.C, r.segments[0]!.Ns]).toEqual(['1000', '9.000000', '400']);
    expect(total(r)).toBe('3600.00');
  });

  it('E3 mwa resets on clear-out: C = 7, N = 2000 → 4,000.00', () => {
    const r = run({}, e3());
    expect([r.segments[0]!.N, r.segments[0]!.C]).toEqual(['2000', '7.000000']);
    expect(total(r)).toBe('4000.00');
  });

  it('E3 actual-cost → 3,000.00', () => {
    expect(total(run({ buyAverage: 'actual-cost' }, e3()))).toBe('3000.00');
  });

  it('the case summary counts and totals all three', () => {
    const r = assessCase({ segments: [SPEC_SEGMENT] }, [...e1(), ...e2(), ...e3()]);
    expect(r.summary).toMatchObject({ investors: 3, inRange: 3, withLoss: 3, zeroLoss: 0, errors: 0 });
    expect(r.summary.totals.total).toBe('13000.00');
  });
});
