import { describe, expect, it } from 'vitest';
import {
  ACCEPTANCE_DAYS,
  acceptanceDue,
  applicationWindow,
  applicationWindowLastDay,
  CONFIRMATION_APPLICATION_DAYS,
  CONFIRMATION_REMINDER_DAYS,
  extendedRulingDue,
  RULING_DAYS,
  RULING_EXTENSION_DAYS,
  reminderDates,
  rulingDue,
} from '../src/confirmation/clocks.ts';
import {
  acceptanceDeadline,
  acceptanceDeadlineRule,
  CONFIRMATION_DEADLINE_KINDS,
  type ConfirmationContext,
  type ConfirmationEvent,
  type ConfirmationState,
  COURT_CONFIRMATION,
} from '../src/lifecycles/judicial-confirmation.ts';
import { fire } from '../src/lifecycles/state-machine.ts';

describe('the application window (民事诉讼法 第二百零五条: 30 days from the agreement taking effect)', () => {
  it('counts 30 days, the effective day not counted', () => {
    expect(CONFIRMATION_APPLICATION_DAYS).toBe(30);
    // 2026-11-02 + 30 = Wednesday 2026-12-02.
    expect(applicationWindowLastDay('2026-11-02')).toBe('2026-12-02');
  });

  it('moves a 30th day on a weekend to the Monday', () => {
    // 2026-11-05 + 30 = Saturday 2026-12-05 → Monday 12-07.
    expect(applicationWindowLastDay('2026-11-05')).toBe('2026-12-07');
    expect(applicationWindowLastDay('2026-11-06')).toBe('2026-12-07');
  });

  it('moves a 30th day in the 2026 National Day holiday to the first working day after it', () => {
    // 2026-09-01 + 30 = 2026-10-01; the holiday runs 10-01 … 10-07, so the window closes on Thursday 10-08.
    expect(applicationWindowLastDay('2026-09-01')).toBe('2026-10-08');
    expect(applicationWindowLastDay('2026-09-07')).toBe('2026-10-08');
  });

  it('keeps a 30th day on a make-up working Saturday (调休)', () => {
    // 2026-09-10 + 30 = Saturday 2026-10-10, worked in exchange for National Day.
    expect(applicationWindowLastDay('2026-09-10')).toBe('2026-10-10');
  });

  it('reminds on the 20th and 25th calendar day, holidays or not', () => {
    expect(CONFIRMATION_REMINDER_DAYS).toEqual([20, 25]);
    // 2026-09-26 is a Saturday in the Mid-Autumn holiday: a reminder is not a period and does not move.
    expect(reminderDates('2026-09-01')).toEqual(['2026-09-21', '2026-09-26']);
  });

  it('is open through its last day and counts the days left', () => {
    expect(applicationWindow('2026-09-01', '2026-09-01')).toEqual({
      open: true,
      lastDay: '2026-10-08',
      daysLeft: 37,
    });
    expect(applicationWindow('2026-09-01', '2026-10-07')).toEqual({
      open: true,
      lastDay: '2026-10-08',
      daysLeft: 1,
    });
    expect(applicationWindow('2026-09-01', '2026-10-08')).toEqual({
      open: true,
      lastDay: '2026-10-08',
      daysLeft: 0,
    });
    expect(applicationWindow('2026-09-01', '2026-10-09')).toEqual({
      open: false,
      lastDay: '2026-10-08',
      daysLeft: 0,
    });
    expect(applicationWindow('2026-09-01', '2027-01-01').open).toBe(false);
  });
});

describe('the court’s periods (3 days to accept; 15 days to rule, +10 with the president’s approval)', () => {
  it('decides acceptance within 3 days', () => {
    expect(ACCEPTANCE_DAYS).toBe(3);
    expect(acceptanceDue('2026-11-02')).toBe('2026-11-05');
    // 2026-11-04 + 3 = Saturday 11-07 → Monday 11-09.
    expect(acceptanceDue('2026-11-04')).toBe('2026-11-09');
    // 2026-09-29 + 3 = 10-02, in the National Day holiday → 10-08.
    expect(acceptanceDeadline('2026-09-29')).toBe('2026-10-08');
    expect(acceptanceDeadlineRule('2026-11-04')).toEqual({
      kind: 'acceptance',
      unit: 'date',
      date: '2026-11-09',
    });
  });

  it('rules within 15 days of acceptance, and 10 more days once', () => {
    expect([RULING_DAYS, RULING_EXTENSION_DAYS]).toEqual([15, 10]);
    expect(rulingDue('2026-11-02')).toBe('2026-11-17');
    // 2026-09-20 + 15 = 10-05, in the National Day holiday → 10-08.
    expect(rulingDue('2026-09-20')).toBe('2026-10-08');
    expect(extendedRulingDue('2026-11-17')).toBe('2026-11-27');
    // 2026-11-18 + 10 = Saturday 11-28 → Monday 11-30.
    expect(extendedRulingDue('2026-11-18')).toBe('2026-11-30');
  });

  it('labels the three deadline kinds', () => {
    expect(Object.keys(CONFIRMATION_DEADLINE_KINDS)).toEqual(['acceptance', 'ruling', 'supplement']);
    expect(CONFIRMATION_DEADLINE_KINDS.ruling.zh).toBe('审查期限（裁定）');
  });
});

describe('the deadlines the court lifecycle starts and keeps', () => {
  const officer: ConfirmationContext['actor'] = { roles: ['filing_officer'], platform: 'court' };
  const judge: ConfirmationContext['actor'] = { roles: ['judge'], platform: 'court' };
  const base: ConfirmationContext = {
    actor: judge,
    today: '2026-11-02',
    case: {
      acceptanceDue: '2026-11-05',
      rulingDue: null,
      extended: false,
      supplementDue: null,
      judgeAssigned: false,
    },
    input: {},
  };
  const run = (state: ConfirmationState, event: ConfirmationEvent, ctx: Partial<ConfirmationContext>) =>
    fire(COURT_CONFIRMATION, state, event, { ...base, ...ctx });
  const running = { ...base.case, rulingDue: '2026-11-17', judgeAssigned: true };

  it('starts the 15-day review on acceptance', () => {
    expect(run('received', 'accept', { actor: officer })).toEqual({
      ok: true,
      to: 'accepted',
      deadline: { kind: 'ruling', unit: 'date', date: '2026-11-17' },
      keepDeadline: false,
    });
    expect(run('received', 'accept', { actor: officer, today: '2026-09-20' })).toMatchObject({
      deadline: { date: '2026-10-08' },
    });
  });

  it('carries the review period through assignment and supplements', () => {
    const kept = { kind: 'ruling', unit: 'date', date: '2026-11-17' };
    expect(run('accepted', 'assign-judge', { case: running, input: { judgeId: 'j1' } })).toMatchObject({
      to: 'reviewing',
      deadline: kept,
    });
    expect(
      run('reviewing', 'request-supplement', {
        case: running,
        today: '2026-11-06',
        input: { note: '请补充身份证明', dueDate: '2026-11-11' },
      }),
    ).toMatchObject({ to: 'awaiting_supplement', deadline: kept });
    expect(run('awaiting_supplement', 'receive-supplement', { actor: null, case: running })).toMatchObject({
      to: 'reviewing',
      deadline: kept,
    });
    expect(run('reviewing', 'record-inquiry', { case: running, input: { note: '询问双方' } })).toEqual({
      ok: true,
      to: 'reviewing',
      keepDeadline: true,
    });
  });

  it('extends the review by 10 days, once, with the president’s approval', () => {
    const input = { note: '案情复杂', approvedBy: '张院长' };
    for (const state of ['reviewing', 'awaiting_supplement'] as const) {
      expect(run(state, 'extend-review', { case: running, input })).toEqual({
        ok: true,
        to: state,
        deadline: { kind: 'ruling', unit: 'date', date: '2026-11-27' },
        keepDeadline: false,
      });
    }
    expect(run('reviewing', 'extend-review', { case: { ...running, extended: true }, input })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'not-extended',
    });
  });

  it('treats supplements not given in time as a withdrawal, the day after the time limit', () => {
    const lapse = (today: string) =>
      run('awaiting_supplement', 'supplement-lapsed', {
        today,
        case: { ...running, supplementDue: '2026-11-11' },
      });
    expect(lapse('2026-11-11')).toMatchObject({ ok: false, guard: 'supplement-overdue' });
    expect(lapse('2026-11-12')).toEqual({ ok: true, to: 'withdrawn', keepDeadline: false });
  });

  it('asks for supplements only with a time limit after today', () => {
    const ask = (dueDate: string) =>
      run('reviewing', 'request-supplement', { case: running, input: { note: '补充', dueDate } });
    expect(ask('2026-11-02')).toMatchObject({ ok: false, guard: 'due-date-valid' });
    expect(ask('2026-11-03')).toMatchObject({ ok: true });
  });

  it('ends the running deadline on a ruling, a refusal or a withdrawal', () => {
    expect(run('reviewing', 'confirm', { case: running })).toEqual({
      ok: true,
      to: 'confirmed',
      keepDeadline: false,
    });
    expect(run('received', 'refuse', { actor: officer, input: { groundCode: 'late' } })).toEqual({
      ok: true,
      to: 'not_accepted',
      keepDeadline: false,
    });
    expect(run('reviewing', 'withdraw', { actor: null, case: running })).toEqual({
      ok: true,
      to: 'withdrawn',
      keepDeadline: false,
    });
  });
});
