import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  isIsoDate,
  todayInShanghai,
} from '../src/calendar/dates.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  PRC_CALENDAR_YEARS,
  prcWorkingDays,
  workingDaysBetween,
} from '../src/calendar/working-days.ts';
import { exchangeTradingDays } from '../src/calendar/trading-days.ts';

describe('dates', () => {
  it('validates YYYY-MM-DD strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(() => addCalendarDays('2025-13-01', 1)).toThrow(AppError);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(calendarDaysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(dayOfWeek('2025-01-26')).toBe(0);
  });

  it('todayInShanghai uses UTC+8 regardless of the server timezone', () => {
    expect(todayInShanghai(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(todayInShanghai(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(todayInShanghai(new Date('2026-03-01T00:00:00+08:00'))).toBe('2026-03-01');
  });
});

describe('PRC working days', () => {
  it.each([
    ['2024-02-04', true], // Sunday make-up before Spring Festival
    ['2024-02-09', true], // 除夕 2024 was a working day
    ['2024-02-12', false],
    ['2024-02-18', true],
    ['2024-05-11', true],
    ['2024-10-07', false],
    ['2024-10-12', true],
    ['2025-01-01', false],
    ['2025-01-26', true], // Sunday make-up
    ['2025-01-28', false], // 除夕 2025 is a holiday
    ['2025-02-04', false],
    ['2025-02-08', true], // Saturday make-up
    ['2025-04-27', true],
    ['2025-05-05', false],
    ['2025-06-02', false],
    ['2025-09-28', true],
    ['2025-10-11', true],
    ['2026-01-02', false],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-05-09', true],
    ['2026-06-19', false],
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-10-10', true],
    ['2026-03-07', false], // ordinary Saturday
    ['2026-03-09', true], // ordinary Monday
  ] as const)('%s working: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('2025-10-01 to 10-08 are all holidays', () => {
    for (let day = 1; day <= 8; day++) expect(isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  it('adds working days across the Spring Festival and make-up days', () => {
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays('2025-01-27', 3)).toBe('2025-02-07');
    expect(addWorkingDays('2025-01-27', 4)).toBe('2025-02-08');
    expect(addWorkingDays('2024-02-08', 2)).toBe('2024-02-18');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2025-02-05', -1)).toBe('2025-01-27');
    expect(addWorkingDays('2025-02-05', 0)).toBe('2025-02-05');
  });

  it('crosses year boundaries where both years have data', () => {
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(nextWorkingDayOnOrAfter('2026-01-01')).toBe('2026-01-04');
    expect(nextWorkingDayOnOrAfter('2026-01-05')).toBe('2026-01-05');
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2025-01-27', '2025-02-05')).toBe(1);
    expect(workingDaysBetween('2025-02-05', '2025-01-27')).toBe(-1);
    expect(workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
    for (const [start, n] of [
      ['2025-09-26', 7],
      ['2024-04-01', 20],
      ['2026-12-20', 8],
    ] as const) {
      expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });

  it('working days per year = weekdays minus statutory holidays (11 in 2024, 13 from 2025)', () => {
    // Weekdays: 2024 262, 2025–2027 261 each; statutory days on weekends are compensated by 调休.
    const expectedWorkingDays: Record<number, number> = { 2024: 251, 2025: 248, 2026: 248, 2027: 248 };
    for (const [year, count] of Object.entries(expectedWorkingDays)) {
      expect(workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`), year).toBe(count);
    }
  });

  it('make-up days are weekends and holidays stay within their year', () => {
    for (const data of PRC_CALENDAR_YEARS) {
      for (const date of data.makeUpWorkdays) expect([0, 6], date).toContain(dayOfWeek(date));
      for (const period of data.holidays) {
        expect(period.from.startsWith(String(data.year))).toBe(true);
        expect(calendarDaysBetween(period.from, period.to)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('2027 is flagged provisional; earlier years are official', () => {
    expect(prcWorkingDays.calendarYear(2027).provisional).toBe(true);
    for (const year of [2024, 2025, 2026]) expect(prcWorkingDays.calendarYear(year).provisional).toBe(false);
    expect(prcWorkingDays.years).toEqual([2024, 2025, 2026, 2027]);
  });

  it('throws CALENDAR_YEAR_UNSUPPORTED for a year without data', () => {
    expect(() => isWorkingDay('2023-06-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_UNSUPPORTED' }),
    );
    expect(() => addWorkingDays('2027-12-30', 5)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_UNSUPPORTED', status: 422 }),
    );
  });
});

describe('exchange trading days', () => {
  it('make-up weekends are working days but not trading days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(exchangeTradingDays.isTradingDay('2025-01-26')).toBe(false);
    expect(exchangeTradingDays.isTradingDay('2025-02-08')).toBe(false);
    expect(exchangeTradingDays.isTradingDay('2025-02-05')).toBe(true);
    expect(exchangeTradingDays.isTradingDay('2025-10-08')).toBe(false);
  });

  it('knows announced extra closures (除夕 2024)', () => {
    expect(isWorkingDay('2024-02-09')).toBe(true);
    expect(exchangeTradingDays.isTradingDay('2024-02-09')).toBe(false);
    expect(exchangeTradingDays.addTradingDays('2024-02-08', 1)).toBe('2024-02-19');
  });

  it('adds and counts trading days', () => {
    expect(exchangeTradingDays.addTradingDays('2025-01-24', 1)).toBe('2025-01-27');
    expect(exchangeTradingDays.addTradingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(exchangeTradingDays.addTradingDays('2025-02-05', -1)).toBe('2025-01-27');
    expect(exchangeTradingDays.tradingDaysBetween('2025-01-24', '2025-02-07')).toBe(4);
    expect(exchangeTradingDays.tradingDaysBetween('2025-02-07', '2025-01-24')).toBe(-4);
    expect(exchangeTradingDays.nextTradingDayOnOrAfter('2025-09-28')).toBe('2025-09-29');
  });

  it('never trades on a weekend in any year we hold', () => {
    for (const data of PRC_CALENDAR_YEARS) {
      for (const date of data.makeUpWorkdays) expect(exchangeTradingDays.isTradingDay(date)).toBe(false);
    }
  });
});
