import { addCalendarDays, calendarDaysBetween, compareDates, type IsoDate } from '../calendar/dates.ts';
import { HOUR_STEP_X10, type HoursX10 } from './hours.ts';

/**
 * Where someone stands against the annual hour requirement (学时要求), the rule behind the roster's flag:
 * - `met`: last year's hours were done (or made up), or there was no requirement;
 * - `catching-up`: short of last year's hours, still inside the grace period — flagged but assignable;
 * - `suspended`: the grace period has passed with hours still missing — not assignable until they are made up.
 * Hours earned this year count first towards last year's shortfall. A year in which the person held the role only
 * part of the time requires its share, by days, rounded up to the half hour; a year before they had it, nothing.
 */
export type StandingStatus = 'met' | 'catching-up' | 'suspended';

export interface YearRule {
  hoursX10: HoursX10;
  graceDays: number;
}

export interface StandingInput {
  today: IsoDate;
  /** The day the person took up the role (the account's creation). */
  roleSince: IsoDate;
  /** Hours credited in a year (by the Beijing date a course ended). */
  earnedX10(year: number): HoursX10;
  /** The requirement in force for a year, if any. */
  rule(year: number): YearRule | undefined;
}

export interface TrainingStanding {
  status: StandingStatus;
  assignable: boolean;
  /** Last year's requirement, what was earned in it and what is still missing after this year's make-up hours. */
  previous: { year: number; requiredX10: HoursX10; earnedX10: HoursX10; missingX10: HoursX10 };
  /** This year's requirement and the hours that count towards it (after making up last year's). */
  current: { year: number; requiredX10: HoursX10; earnedX10: HoursX10 };
  /** Last day someone short of last year's hours stays assignable; null when nothing is missing. */
  graceEnds: IsoDate | null;
}

/** A year's requirement for someone who held the role since `since`: in full, pro rata by days, or nothing. */
export function proratedRequirement(year: number, since: IsoDate, rule: YearRule | undefined): HoursX10 {
  if (!rule || rule.hoursX10 === 0) return 0;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (compareDates(since, first) <= 0) return rule.hoursX10;
  if (compareDates(since, last) > 0) return 0;
  const share = (calendarDaysBetween(since, last) + 1) / (calendarDaysBetween(first, last) + 1);
  return Math.ceil((rule.hoursX10 * share) / HOUR_STEP_X10) * HOUR_STEP_X10;
}

export function trainingStanding(input: StandingInput): TrainingStanding {
  const year = Number(input.today.slice(0, 4));
  const lastYear = year - 1;
  const previousRule = input.rule(lastYear);
  const requiredBefore = proratedRequirement(lastYear, input.roleSince, previousRule);
  const earnedBefore = input.earnedX10(lastYear);
  const earnedNow = input.earnedX10(year);
  const shortfall = Math.max(0, requiredBefore - earnedBefore);
  const makeUp = Math.min(shortfall, earnedNow);
  const missing = shortfall - makeUp;
  const graceEnds = missing > 0 ? addCalendarDays(`${year}-01-01`, (previousRule?.graceDays ?? 0) - 1) : null;
  const status: StandingStatus =
    missing === 0
      ? 'met'
      : graceEnds && compareDates(input.today, graceEnds) <= 0
        ? 'catching-up'
        : 'suspended';
  return {
    status,
    assignable: status !== 'suspended',
    previous: { year: lastYear, requiredX10: requiredBefore, earnedX10: earnedBefore, missingX10: missing },
    current: {
      year,
      requiredX10: proratedRequirement(year, input.roleSince, input.rule(year)),
      earnedX10: earnedNow - makeUp,
    },
    graceEnds,
  };
}
