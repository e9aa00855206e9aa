import { appError } from '../errors.ts';
import type { DeadlineCalendar } from '../lifecycles/deadline-rules.ts';
import type { CalendarYear } from './calendar-year.ts';
import { addCalendarDays, compareDates, dateRange, type IsoDate, isWeekend, yearOf } from './dates.ts';
import { PRC_2024 } from './years/prc-2024.ts';
import { PRC_2025 } from './years/prc-2025.ts';
import { PRC_2026 } from './years/prc-2026.ts';
import { PRC_2027 } from './years/prc-2027.ts';

export const PRC_CALENDAR_YEARS: readonly CalendarYear[] = [PRC_2024, PRC_2025, PRC_2026, PRC_2027];

export interface WorkingDayCalendar extends DeadlineCalendar {
  readonly years: readonly number[];
  calendarYear(year: number): CalendarYear;
  isWorkingDay(date: IsoDate): boolean;
  isHoliday(date: IsoDate): boolean;
  /** n > 0: the n-th working day after `date`; n < 0: before it; n = 0: `date` itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  /** Working days in (a, b] — so addWorkingDays(a, workingDaysBetween(a, b)) = b when b is a working day. Negative if b < a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  addCalendarDays(date: IsoDate, n: number): IsoDate;
}

interface ExpandedYear {
  data: CalendarYear;
  holidays: Set<IsoDate>;
  makeUp: Set<IsoDate>;
}

function createWorkingDayCalendar(years: readonly CalendarYear[] = PRC_CALENDAR_YEARS): WorkingDayCalendar {
  const byYear = new Map<number, ExpandedYear>(
    years.map((data) => [
      data.year,
      {
        data,
        holidays: new Set(data.holidays.flatMap((period) => dateRange(period.from, period.to))),
        makeUp: new Set(data.makeUpWorkdays),
      },
    ]),
  );

  function yearData(year: number): ExpandedYear {
    const found = byYear.get(year);
    if (!found) throw appError('CALENDAR_YEAR_UNSUPPORTED', { year });
    return found;
  }

  function isWorkingDay(date: IsoDate): boolean {
    const year = yearData(yearOf(date));
    if (year.makeUp.has(date)) return true;
    if (year.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) throw appError('VALIDATION_FAILED', { reason: `not an integer: ${n}` });
    const step = Math.sign(n);
    let current = date;
    yearData(yearOf(date));
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addCalendarDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    return isWorkingDay(date) ? date : addWorkingDays(date, 1);
  }

  function workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const order = compareDates(a, b);
    if (order === 0) return 0;
    const [from, to] = order < 0 ? [a, b] : [b, a];
    const count = dateRange(addCalendarDays(from, 1), to).filter(isWorkingDay).length;
    return order < 0 ? count : -count;
  }

  return {
    years: [...byYear.keys()].sort(),
    calendarYear: (year) => yearData(year).data,
    isWorkingDay,
    isHoliday: (date) => yearData(yearOf(date)).holidays.has(date),
    addWorkingDays,
    nextWorkingDayOnOrAfter,
    workingDaysBetween,
    addCalendarDays,
  };
}

/** The official PRC calendar for the years we hold data for. */
export const prcWorkingDays: WorkingDayCalendar = createWorkingDayCalendar();

export const isWorkingDay = (date: IsoDate): boolean => prcWorkingDays.isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => prcWorkingDays.addWorkingDays(date, n);
export const workingDaysBetween = (a: IsoDate, b: IsoDate): number => prcWorkingDays.workingDaysBetween(a, b);
export const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate =>
  prcWorkingDays.nextWorkingDayOnOrAfter(date);
