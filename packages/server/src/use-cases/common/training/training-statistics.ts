import { appError } from '@sutiao/domain/errors.ts';
import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { trainingScope } from './training-scope.ts';
import { traineesIn, yearAgainstRequirement } from './training-standings.ts';

export interface TrainingFigures {
  /** Courses the organization ran (as organizer) that were completed in the year. */
  courses: number;
  /** Of them, run jointly with a court or another organization. */
  jointCourses: number;
  /** The organization's trainees who attended at least one course credited in the year. */
  trained: number;
  /** Hours credited to the organization's trainees in the year. */
  hours: number;
  /** People holding a trainee role in the organization. */
  trainees: number;
  /** Of them, those whose hours credited in the year reach that year's requirement (pro rata for newcomers). */
  metRequirement: number;
}

export interface TrainingStatistics {
  year: number;
  total: TrainingFigures;
  rows: ({ organizationId: string; organizationName: string } & TrainingFigures)[];
}

const empty = (): TrainingFigures => ({
  courses: 0,
  jointCourses: 0,
  trained: 0,
  hours: 0,
  trainees: 0,
  metRequirement: 0,
});

/**
 * Training per organization for a year, for those who oversee it (a regulator, an organization's or a court's
 * administrator over their own and those under it): courses run, joint courses, people trained, hours, and how many
 * met the year's requirement. Each row counts the organization itself; the total counts each person once.
 */
export async function trainingStatistics(
  deps: Deps,
  ctx: SignedInContext,
  input: { year: number },
): Promise<TrainingStatistics> {
  const scope = await trainingScope(deps, ctx);
  const thisYear = Number(todayInShanghai(deps.now()).slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `年度须在 2000 至 ${thisYear} 之间`, en: `the year must be 2000 to ${thisYear}` },
    });
  const ids = scope.organizationIds;
  const rows = new Map(ids.map((id) => [id, empty()]));
  if (ids.length === 0) return { year: input.year, total: empty(), rows: [] };
  const from = `${input.year}-01-01`;
  const [courses, persons] = await Promise.all([
    deps.db
      .selectFrom('training_courses')
      .select(['organizer_id', 'co_organizer_ids'])
      .where('status', '=', 'completed')
      .where('organizer_id', 'in', ids)
      .where('closed_at', '>=', new Date(`${from}T00:00:00+08:00`))
      .where('closed_at', '<', new Date(`${input.year + 1}-01-01T00:00:00+08:00`))
      .execute(),
    traineesIn(deps.db, deps.platform, ids),
  ]);
  const total = empty();
  for (const c of courses) {
    const row = rows.get(c.organizer_id);
    if (!row) continue;
    row.courses++;
    total.courses++;
    if (c.co_organizer_ids.length > 0) {
      row.jointCourses++;
      total.jointCourses++;
    }
  }
  const year = await yearAgainstRequirement(deps.db, persons, input.year);
  for (const p of persons) {
    const hours = year.get(p.userId);
    const row = rows.get(p.organizationId);
    // Someone who joined after the year had nothing to meet in it.
    if (!hours || !row) continue;
    for (const figures of [row, total]) {
      figures.trainees++;
      if (hours.earnedX10 > 0) {
        figures.trained++;
        figures.hours += hours.earnedX10;
      }
      if (hours.earnedX10 >= hours.requiredX10) figures.metRequirement++;
    }
  }
  const inHours = (f: TrainingFigures): TrainingFigures => ({ ...f, hours: x10ToHours(f.hours) });
  return {
    year: input.year,
    total: inHours(total),
    rows: ids.map((id) => ({
      organizationId: id,
      organizationName: scope.organizations.find((o) => o.id === id)?.name ?? id,
      ...inHours(rows.get(id) ?? empty()),
    })),
  };
}
