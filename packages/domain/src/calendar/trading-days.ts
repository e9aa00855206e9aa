import type { IsoDate } from './dates.ts';
import { addCalendarDays, compareDates, dateRange, isWeekend, yearOf } from './dates.ts';
import { prcWorkingDays, type WorkingDayCalendar } from './working-days.ts';

/** Exchange (SSE/SZSE) trading days; the loss engine and stock-price lookups use this interface. */
interface TradingDayCalendar {
  isTradingDay(date: IsoDate): boolean;
  /** n > 0: the n-th trading day after `date`; n < 0: before it; n = 0: `date` itself. */
  addTradingDays(date: IsoDate, n: number): IsoDate;
  /** Trading days in (a, b]; negative if b < a. */
  tradingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** `date` if it trades, else the next trading day. */
  nextTradingDayOnOrAfter(date: IsoDate): IsoDate;
}

/**
 * Trading day = working day that is not a weekend: exchanges stay closed on 调休 make-up Saturdays and Sundays,
 * and on the extra closures the exchanges announce (e.g. 除夕 2024).
 */
function createTradingDayCalendar(working: WorkingDayCalendar = prcWorkingDays): TradingDayCalendar {
  function isTradingDay(date: IsoDate): boolean {
    if (isWeekend(date) || !working.isWorkingDay(date)) return false;
    return !working.calendarYear(yearOf(date)).extraExchangeClosures.includes(date);
  }

  function addTradingDays(date: IsoDate, n: number): IsoDate {
    const step = Math.sign(n);
    let current = date;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addCalendarDays(current, step);
      if (isTradingDay(current)) remaining -= 1;
    }
    return current;
  }

  return {
    isTradingDay,
    addTradingDays,
    tradingDaysBetween(a, b) {
      const order = compareDates(a, b);
      if (order === 0) return 0;
      const [from, to] = order < 0 ? [a, b] : [b, a];
      const count = dateRange(addCalendarDays(from, 1), to).filter(isTradingDay).length;
      return order < 0 ? count : -count;
    },
    nextTradingDayOnOrAfter: (date) => (isTradingDay(date) ? date : addTradingDays(date, 1)),
  };
}

export const exchangeTradingDays: TradingDayCalendar = createTradingDayCalendar();
