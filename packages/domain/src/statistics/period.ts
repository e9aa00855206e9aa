import { calendarDaysBetween, compareDates, type IsoDate, isIsoDate } from '../calendar/dates.ts';
import { appError } from '../errors.ts';

/** A statistics period: whole days in Beijing time, both ends included. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Longest period one request may cover: ten years of days, enough for any trend the center reports. */
export const MAX_PERIOD_DAYS = 3_660;

/**
 * Refuses a period that is not two real dates, ends before it starts (an empty period), or spans more than ten
 * years; the reason names which.
 */
export function checkPeriod(from: string, to: string): Period {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isIsoDate(value))
      throw appError('STATS_PERIOD_INVALID', {
        reason: { zh: `${field} 不是有效日期（${value}）`, en: `${field} is not a valid date (${value})` },
      });
  if (compareDates(from, to) > 0)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `期间为空：起始日 ${from} 晚于截止日 ${to}`, en: `empty period: ${from} is after ${to}` },
    });
  if (calendarDaysBetween(from, to) + 1 > MAX_PERIOD_DAYS)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `期间超过 ${MAX_PERIOD_DAYS} 天`, en: `longer than ${MAX_PERIOD_DAYS} days` },
    });
  return { from, to };
}
