import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { nextCourseStatus } from '../src/training/course-lifecycle.ts';
import { checkCourse } from '../src/training/course-rules.ts';
import { checkRequirement, requirementFor } from '../src/training/hour-requirements.ts';
import { isHalfHourStep } from '../src/training/hours.ts';
import { proratedRequirement, trainingStanding } from '../src/training/training-standing.ts';

const rule = { hoursX10: 240, graceDays: 90 };

const standing = (today: string, earned: Record<number, number>, since = '2020-01-01', graceDays = 90) =>
  trainingStanding({
    today,
    roleSince: since,
    earnedX10: (y) => earned[y] ?? 0,
    rule: () => ({ hoursX10: 240, graceDays }),
  });

describe('training standing', () => {
  it('is met when last year’s hours were done, whatever this year holds so far', () => {
    expect(standing('2027-06-01', { 2026: 240 })).toMatchObject({
      status: 'met',
      assignable: true,
      graceEnds: null,
      previous: { year: 2026, requiredX10: 240, earnedX10: 240, missingX10: 0 },
      current: { year: 2027, requiredX10: 240, earnedX10: 0 },
    });
  });

  it('flags a shortfall inside the grace period, up to its last day, and suspends the day after', () => {
    expect(standing('2027-03-31', { 2026: 100 })).toMatchObject({
      status: 'catching-up',
      assignable: true,
      graceEnds: '2027-03-31',
      previous: { missingX10: 140 },
    });
    expect(standing('2027-04-01', { 2026: 100 })).toMatchObject({ status: 'suspended', assignable: false });
  });

  it('counts this year’s hours first towards last year’s shortfall', () => {
    const s = standing('2027-05-01', { 2026: 100, 2027: 200 });
    expect(s).toMatchObject({ status: 'met', previous: { missingX10: 0 }, current: { earnedX10: 60 } });
    expect(standing('2027-05-01', { 2026: 100, 2027: 135 })).toMatchObject({
      status: 'suspended',
      previous: { missingX10: 5 },
      current: { earnedX10: 0 },
    });
  });

  it('gives no grace when the grace period is zero days', () => {
    expect(standing('2027-01-01', {}, '2020-01-01', 0)).toMatchObject({ status: 'suspended' });
  });

  it('requires a newcomer’s share by days, rounded up to the half hour, and nothing before they joined', () => {
    // 2026-07-02 → 2026-12-31 is 183 of 365 days: 24 × 183/365 = 12.03 → 12.5 hours.
    expect(proratedRequirement(2026, '2026-07-02', rule)).toBe(125);
    expect(proratedRequirement(2026, '2026-01-01', rule)).toBe(240);
    expect(proratedRequirement(2026, '2027-01-05', rule)).toBe(0);
    expect(proratedRequirement(2026, '2020-01-01', undefined)).toBe(0);
    expect(standing('2027-06-01', {}, '2027-01-05')).toMatchObject({
      status: 'met',
      previous: { requiredX10: 0 },
    });
  });
});

describe('hour requirements', () => {
  const reqs = [
    { role: 'mediator' as const, year: 2024, hoursX10: 240, graceDays: 90 },
    { role: 'mediator' as const, year: 2027, hoursX10: 300, graceDays: 60 },
  ];

  it('applies the latest requirement set for the year or before it', () => {
    expect(requirementFor(reqs, 'mediator', 2023)).toBeUndefined();
    expect(requirementFor(reqs, 'mediator', 2026)?.hoursX10).toBe(240);
    expect(requirementFor(reqs, 'mediator', 2028)?.hoursX10).toBe(300);
    expect(requirementFor(reqs, 'judge', 2028)).toBeUndefined();
  });

  it('refuses a past year, hours off the half hour and a grace period beyond half a year', () => {
    expect(() => checkRequirement({ hours: 24, graceDays: 90, year: 2027 }, 2027)).not.toThrow();
    expect(() => checkRequirement({ hours: 0, graceDays: 0, year: 2028 }, 2027)).not.toThrow();
    for (const bad of [
      { hours: 24, graceDays: 90, year: 2026 },
      { hours: 24, graceDays: 90, year: 2029 },
      { hours: 24.2, graceDays: 90, year: 2027 },
      { hours: -1, graceDays: 90, year: 2027 },
      { hours: 24, graceDays: 184, year: 2027 },
    ])
      expect(() => checkRequirement(bad, 2027), JSON.stringify(bad)).toThrow(AppError);
  });
});

describe('courses', () => {
  const course = {
    title: '调解实务',
    startsAt: '2027-03-02T09:00:00+08:00',
    endsAt: '2027-03-02T12:00:00+08:00',
    hours: 3,
    mode: 'online' as const,
    location: 'https://meeting.example/1',
    audience: ['mediator'],
  };

  it('accepts half-hour steps only', () => {
    expect(isHalfHourStep(0.5, 1000)).toBe(true);
    expect(isHalfHourStep(0, 1000)).toBe(false);
    expect(isHalfHourStep(0, 1000, true)).toBe(true);
    expect(isHalfHourStep(0.25, 1000)).toBe(false);
    expect(isHalfHourStep(100.5, 1000)).toBe(false);
    expect(isHalfHourStep(Number.NaN, 1000)).toBe(false);
  });

  it('refuses a course without hours, without a link, ending before it starts or for another platform’s roles', () => {
    expect(() => checkCourse(course, 'mediation')).not.toThrow();
    expect(() => checkCourse({ ...course, audience: ['judge'] }, 'court')).not.toThrow();
    for (const bad of [
      { hours: 0 },
      { endsAt: course.startsAt },
      { location: ' ' },
      { audience: [] },
      { audience: ['judge'] },
      { audience: ['investor'] },
      { capacity: 0 },
      { endsAt: '2027-05-02T12:00:00+08:00' },
    ])
      expect(() => checkCourse({ ...course, ...bad }, 'mediation'), JSON.stringify(bad)).toThrow(
        /TRAINING_COURSE_INVALID|Invalid training course/,
      );
  });

  it('moves open courses to completed or cancelled, and nothing out of either', () => {
    expect(nextCourseStatus('open', 'complete')).toBe('completed');
    expect(nextCourseStatus('open', 'cancel')).toBe('cancelled');
    expect(nextCourseStatus('completed', 'cancel')).toBeUndefined();
    expect(nextCourseStatus('cancelled', 'complete')).toBeUndefined();
  });
});
