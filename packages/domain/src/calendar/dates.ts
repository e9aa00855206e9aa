import { appError } from '../errors.ts';

/** Calendar dates are `YYYY-MM-DD` strings; arithmetic runs on UTC midnight so no local timezone can shift a day. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toEpochDay(date: IsoDate): number {
  if (!isIsoDate(date)) throw appError('VALIDATION_FAILED', { reason: `not a YYYY-MM-DD date: ${date}` });
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  toEpochDay(date);
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of calendar days from a to b. */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(calendarDaysBetween(b, a));
}

/** Inclusive list of dates from `from` to `to`. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const length = calendarDaysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, length) }, (_, i) => addCalendarDays(from, i));
}

/** Today's date in China Standard Time (UTC+8, no daylight saving), whatever the server's timezone. */
export function todayInShanghai(now: Date): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
