import { describe, expect, it } from 'vitest';
import { COURT_DELEGATION, DELEGATION_PERIOD_DAYS } from '../src/lifecycles/court-delegation.ts';
import {
  COURT_ENTRUSTMENT,
  daysExcludedFromTrialPeriod,
  ENTRUSTMENT_PERIOD_DAYS,
} from '../src/lifecycles/court-entrustment.ts';
import { type CourtReferralContext, FILING_DAYS, periodEnd } from '../src/lifecycles/court-referral.ts';
import { fire } from '../src/lifecycles/state-machine.ts';

const officer: CourtReferralContext['actor'] = { roles: ['filing_officer'], platform: 'court' };
const judge: CourtReferralContext['actor'] = { roles: ['judge'], platform: 'court' };

const deadlineOf = (result: ReturnType<typeof fire>) => (result.ok ? result.deadline : undefined);

describe('mediation periods on the PRC calendar', () => {
  it('ends a period on its last day when that is a working day', () => {
    // 2026-11-02 + 30 days = 2026-12-02, a Wednesday.
    expect(periodEnd('2026-11-02', 30)).toBe('2026-12-02');
  });

  it('moves a last day on a weekend or holiday to the next working day (民事诉讼法 第八十五条)', () => {
    // 2026-09-01 + 30 = 2026-10-01, National Day (10-01 … 10-07): the period ends on Thursday 10-08.
    expect(periodEnd('2026-09-01', 30)).toBe('2026-10-08');
    // 2026-11-07 + 30 = 2026-12-07 is a Monday; 2026-11-06 + 30 = Sunday 12-06 → Monday 12-07.
    expect(periodEnd('2026-11-06', 30)).toBe('2026-12-07');
    // Across the year: 2026-12-02 + 30 = 2027-01-01, New Year's Day (01-01 … 01-03, provisional calendar) → 01-04.
    expect(periodEnd('2026-12-02', 30)).toBe('2027-01-04');
  });

  it('keeps a last day on a make-up working Sunday (调休)', () => {
    // 2026-09-20 is a Sunday worked in exchange for the Mid-Autumn holiday.
    expect(periodEnd('2026-09-13', 7)).toBe('2026-09-20');
    // 2026-10-10 is a Saturday worked after National Day.
    expect(periodEnd('2026-09-25', 15)).toBe('2026-10-10');
  });

  it('starts a delegation with 30 days from the day of delegation', () => {
    const result = fire(COURT_DELEGATION, 'consented', 'delegate', {
      actor: officer,
      today: '2026-09-01',
      case: { deadlineDate: null, extensionDays: 0 },
      input: { organizationId: 'org-center' },
    });
    expect(DELEGATION_PERIOD_DAYS).toBe(30);
    expect(deadlineOf(result)).toEqual({ kind: 'mediation', unit: 'date', date: '2026-10-08' });
  });

  it('starts an entrustment with 15 days (ordinary) or 7 days (summary)', () => {
    const entrust = (procedure: 'ordinary' | 'summary', today: string) =>
      deadlineOf(
        fire(COURT_ENTRUSTMENT, 'consented', 'entrust', {
          actor: judge,
          today,
          case: { deadlineDate: null, extensionDays: 0 },
          input: { organizationId: 'org-center', procedure },
        }),
      );
    expect(ENTRUSTMENT_PERIOD_DAYS).toEqual({ ordinary: 15, summary: 7 });
    expect(entrust('ordinary', '2026-11-02')).toMatchObject({ kind: 'mediation', date: '2026-11-17' });
    expect(entrust('summary', '2026-11-02')).toMatchObject({ kind: 'mediation', date: '2026-11-09' });
    // Summary from Friday 09-18: 09-25 is the Mid-Autumn holiday (09-25 … 09-27) → Monday 09-28.
    expect(entrust('summary', '2026-09-18')).toMatchObject({ date: '2026-09-28' });
  });

  it('carries the running period into mediation when the organization signs for the case', () => {
    const result = fire(COURT_DELEGATION, 'delegated', 'receive', {
      actor: null,
      today: '2026-09-03',
      case: { deadlineDate: '2026-10-08', extensionDays: 0 },
    });
    expect(deadlineOf(result)).toEqual({ kind: 'mediation', unit: 'date', date: '2026-10-08' });
  });

  it('extends from the current last day, counting the added days the same way', () => {
    const extend = (lifecycle: typeof COURT_DELEGATION | typeof COURT_ENTRUSTMENT, input: object) =>
      deadlineOf(
        fire(lifecycle as typeof COURT_DELEGATION, 'mediating', 'extend', {
          actor: lifecycle === COURT_DELEGATION ? officer : judge,
          today: '2026-11-10',
          case: { deadlineDate: '2026-11-17', extensionDays: 0 },
          input: { note: '双方当事人书面同意延长', ...input },
        }),
      );
    // 11-17 + 10 = 11-27 (Friday); 11-17 + 12 = Sunday 11-29 → Monday 11-30.
    expect(extend(COURT_DELEGATION, { days: 10 })).toMatchObject({ date: '2026-11-27' });
    expect(extend(COURT_ENTRUSTMENT, { days: 12 })).toMatchObject({ date: '2026-11-30' });
    // An extension received over the link keeps the date its sender counted.
    expect(extend(COURT_ENTRUSTMENT, { days: 5, newDeadlineDate: '2026-11-23' })).toMatchObject({
      date: '2026-11-23',
    });
  });

  it('does not count an entrustment extension in the trial period', () => {
    expect(daysExcludedFromTrialPeriod(12)).toBe(12);
    expect(daysExcludedFromTrialPeriod(0)).toBe(0);
  });

  it('gives the court 7 days to file once mediation is over', () => {
    const result = fire(COURT_DELEGATION, 'mediating', 'expire', {
      actor: null,
      today: '2026-09-24',
      case: { deadlineDate: '2026-09-23', extensionDays: 0 },
    });
    expect(FILING_DAYS).toBe(7);
    // 09-24 + 7 = 10-01 (National Day) → 10-08.
    expect(deadlineOf(result)).toEqual({ kind: 'filing', unit: 'date', date: '2026-10-08' });
  });
});
