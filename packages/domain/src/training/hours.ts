/**
 * Training hours (学时) are kept as whole tenths of an hour, so sums and comparisons are exact; courses and
 * requirements are set in half hours.
 */
export type HoursX10 = number;

/** The smallest step a course's hours or a requirement may take: half an hour. */
export const HOUR_STEP_X10 = 5;

/** Longest single course: 100 hours (a multi-week programme is several courses). */
export const MAX_COURSE_HOURS_X10 = 1_000;

/** Highest annual requirement: 200 hours. */
export const MAX_REQUIRED_HOURS_X10 = 2_000;

export const hoursToX10 = (hours: number): HoursX10 => Math.round(hours * 10);

export const x10ToHours = (x10: HoursX10): number => x10 / 10;

/** Whether a number of hours is a positive multiple of half an hour no larger than `maxX10`. */
export function isHalfHourStep(hours: number, maxX10: number, allowZero = false): boolean {
  if (!Number.isFinite(hours)) return false;
  const x10 = hours * 10;
  if (Math.abs(x10 - Math.round(x10)) > 1e-9) return false;
  const rounded = Math.round(x10);
  return rounded % HOUR_STEP_X10 === 0 && rounded <= maxX10 && (allowZero ? rounded >= 0 : rounded > 0);
}

/** 24 → "24", 1.5 → "1.5". */
export const formatHours = (x10: HoursX10): string => String(x10ToHours(x10));
