import { appError } from '../errors.ts';
import type { Role } from '../roles.ts';
import { isHalfHourStep, MAX_REQUIRED_HOURS_X10, type HoursX10 } from './hours.ts';

/** One year's annual hour requirement for a role, and how long into the next year a shortfall may be made up. */
export interface HourRequirement {
  role: Role;
  year: number;
  hoursX10: HoursX10;
  /** Days from 1 January of the following year during which someone short of hours stays assignable. */
  graceDays: number;
}

/** Longest grace period: half a year. */
export const MAX_GRACE_DAYS = 183;

const invalid = (zh: string, en: string) => appError('TRAINING_REQUIREMENT_INVALID', { reason: { zh, en } });

/**
 * A requirement is set in half hours (0 = none), with a grace period of 0–183 days, for this year or a later one:
 * a past year's requirement is what its scorecards and flags were computed from, so it is never rewritten.
 */
export function checkRequirement(
  input: { hours: number; graceDays: number; year: number },
  currentYear: number,
): void {
  if (!isHalfHourStep(input.hours, MAX_REQUIRED_HOURS_X10, true))
    throw invalid(
      `年度学时须为 0 至 200 之间 0.5 的整数倍（收到 ${input.hours}）`,
      `annual hours must be a multiple of 0.5 between 0 and 200 (got ${input.hours})`,
    );
  if (!Number.isInteger(input.graceDays) || input.graceDays < 0 || input.graceDays > MAX_GRACE_DAYS)
    throw invalid(
      `宽限期须为 0 至 ${MAX_GRACE_DAYS} 天`,
      `the grace period must be 0 to ${MAX_GRACE_DAYS} days`,
    );
  if (!Number.isInteger(input.year) || input.year < currentYear || input.year > currentYear + 1)
    throw invalid(
      `只能设置本年度（${currentYear}）或下一年度的要求，往年要求不可更改`,
      `only this year's (${currentYear}) or next year's requirement may be set; past years are final`,
    );
}

/** The requirement in force for a year: the one set for that year, or else the latest set for an earlier year. */
export function requirementFor(
  requirements: readonly HourRequirement[],
  role: Role,
  year: number,
): HourRequirement | undefined {
  let best: HourRequirement | undefined;
  for (const r of requirements)
    if (r.role === role && r.year <= year && (!best || r.year > best.year)) best = r;
  return best;
}
