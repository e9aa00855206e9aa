import { describe, expect, it } from 'vitest';
import { confirmationPrecheck, PRECHECK_CODES, type PrecheckInput } from '../src/confirmation/precheck.ts';

const READY: PrecheckInput = {
  agreementStatus: 'effective',
  effectiveDate: '2026-09-01',
  today: '2026-09-10',
  disputeKind: 'securities',
  subject: 'payment',
  openApplication: false,
  confirmed: false,
  competentCourtCount: 2,
};

const codes = (overrides: Partial<PrecheckInput>) =>
  confirmationPrecheck({ ...READY, ...overrides }).map((problem) => problem.code);

describe('the pre-check before applying for judicial confirmation', () => {
  it('lets the parties apply to an effective agreement within the window', () => {
    expect(confirmationPrecheck(READY)).toEqual([]);
    for (const disputeKind of ['futures', 'fund', 'other'] as const)
      expect(codes({ disputeKind })).toEqual([]);
  });

  it('needs an effective agreement', () => {
    expect(codes({ agreementStatus: 'signing', effectiveDate: null })).toEqual(['agreement-not-effective']);
    expect(codes({ agreementStatus: 'draft', effectiveDate: null })).toEqual(['agreement-not-effective']);
    expect(codes({ effectiveDate: null })).toEqual(['agreement-not-effective']);
  });

  it('closes after the 30th day, rolled past the National Day holiday, and names the last day', () => {
    // 2026-09-01 + 30 = 10-01 (National Day) → the last day is 10-08.
    expect(codes({ today: '2026-10-08' })).toEqual([]);
    const [problem] = confirmationPrecheck({ ...READY, today: '2026-10-09' });
    expect(problem?.code).toBe('window-closed');
    expect(problem?.zh).toContain('2026年10月8日');
    expect(problem?.zh).toContain('第二百零五条');
    expect(problem?.en).toContain('2026-10-08');
  });

  it('refuses what a court would not accept: personal status and property ownership', () => {
    expect(codes({ subject: 'personal-status' })).toEqual(['personal-status']);
    expect(codes({ subject: 'ownership' })).toEqual(['property-ownership']);
    expect(codes({ subject: 'other' })).toEqual([]);
    const [problem] = confirmationPrecheck({ ...READY, subject: 'ownership' });
    expect(problem?.zh).toContain('第三百五十五条');
  });

  it('allows one live application, none after a confirmation, and needs a reachable competent court', () => {
    expect(codes({ openApplication: true })).toEqual(['application-open']);
    expect(codes({ confirmed: true })).toEqual(['already-confirmed']);
    expect(codes({ competentCourtCount: 0 })).toEqual(['no-competent-court']);
  });

  it('lists every problem at once, in a fixed order, each in both languages', () => {
    const problems = confirmationPrecheck({
      agreementStatus: 'signing',
      effectiveDate: '2026-01-05',
      today: '2026-11-20',
      disputeKind: 'other',
      subject: 'personal-status',
      openApplication: true,
      confirmed: true,
      competentCourtCount: 0,
    });
    expect(problems.map((problem) => problem.code)).toEqual([
      'agreement-not-effective',
      'window-closed',
      'personal-status',
      'application-open',
      'already-confirmed',
      'no-competent-court',
    ]);
    for (const problem of problems) {
      expect(PRECHECK_CODES).toContain(problem.code);
      expect(problem.zh).toBeTruthy();
      expect(problem.en).toBeTruthy();
    }
  });
});
