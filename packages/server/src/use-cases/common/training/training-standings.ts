import type { Kysely } from 'kysely';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { type HourRequirement, requirementFor } from '@sutiao/domain/training/hour-requirements.ts';
import {
  proratedRequirement,
  type TrainingStanding,
  trainingStanding,
} from '@sutiao/domain/training/training-standing.ts';
import type { Role } from '@sutiao/domain/roles.ts';
import type { DB } from '../../../adapters/db/schema.ts';

export async function loadRequirements(db: Kysely<DB>): Promise<HourRequirement[]> {
  const rows = await db
    .selectFrom('training_requirements')
    .selectAll()
    .orderBy('role')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    year: r.year,
    hoursX10: r.hours_x10,
    graceDays: r.grace_days,
  }));
}

export interface Trainee {
  userId: string;
  role: Role;
  /** When the account was created: the day the person took up the role. */
  since: Date;
}

/**
 * Each trainee's standing against their role's annual hours today (Beijing date): hours credited last year and this
 * year, from completed courses, under the requirements in force for those years.
 */
export async function standingsOf(
  db: Kysely<DB>,
  trainees: readonly Trainee[],
  now: Date,
): Promise<Map<string, TrainingStanding>> {
  const result = new Map<string, TrainingStanding>();
  if (trainees.length === 0) return result;
  const today = todayInShanghai(now);
  const year = Number(today.slice(0, 4));
  const [requirements, earned] = await Promise.all([
    loadRequirements(db),
    db
      .selectFrom('training_enrollments')
      .select([
        'user_id',
        (eb) => eb.fn<string>('substr', ['credited_on', eb.val(1), eb.val(4)]).as('year'),
        (eb) => eb.fn.sum<string>('hours_x10').as('x10'),
      ])
      .where(
        'user_id',
        'in',
        trainees.map((t) => t.userId),
      )
      .where('attendance', '=', 'attended')
      .where('credited_on', '>=', `${year - 1}-01-01`)
      .where('credited_on', '<=', `${year}-12-31`)
      .groupBy(['user_id', 'year'])
      .execute(),
  ]);
  const earnedOf = new Map(earned.map((e) => [`${e.user_id}:${e.year}`, Number(e.x10)]));
  for (const t of trainees)
    result.set(
      t.userId,
      trainingStanding({
        today,
        roleSince: todayInShanghai(t.since),
        earnedX10: (y) => earnedOf.get(`${t.userId}:${y}`) ?? 0,
        rule: (y) => requirementFor(requirements, t.role, y),
      }),
    );
  return result;
}

/** The standing of one mediator, for the roster's gate. */
export async function mediatorStanding(
  db: Kysely<DB>,
  mediatorId: string,
  now: Date,
): Promise<TrainingStanding | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'created_at'])
    .where('id', '=', mediatorId)
    .executeTakeFirst();
  if (!user) return undefined;
  return (
    await standingsOf(db, [{ userId: user.id, role: 'mediator', since: new Date(user.created_at) }], now)
  ).get(user.id);
}

/** Hours credited to each person in a year (Beijing dates), from completed courses. */
export async function hoursInYear(
  db: Kysely<DB>,
  userIds: readonly string[],
  year: number,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_enrollments')
    .select(['user_id', (eb) => eb.fn.sum<string>('hours_x10').as('x10')])
    .where('user_id', 'in', [...userIds])
    .where('attendance', '=', 'attended')
    .where('credited_on', '>=', `${year}-01-01`)
    .where('credited_on', '<=', `${year}-12-31`)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.x10)]));
}

/**
 * A year's hours against that year's requirement for each trainee (pro rata for the part of the year they held the
 * role): earned and required in tenths of an hour; someone who joined after the year is left out.
 */
export async function yearAgainstRequirement(
  db: Kysely<DB>,
  trainees: readonly Trainee[],
  year: number,
): Promise<Map<string, { earnedX10: number; requiredX10: number }>> {
  const [requirements, earned] = await Promise.all([
    loadRequirements(db),
    hoursInYear(
      db,
      trainees.map((t) => t.userId),
      year,
    ),
  ]);
  const result = new Map<string, { earnedX10: number; requiredX10: number }>();
  for (const t of trainees) {
    const since = todayInShanghai(t.since);
    if (since > `${year}-12-31`) continue;
    result.set(t.userId, {
      earnedX10: earned.get(t.userId) ?? 0,
      requiredX10: proratedRequirement(year, since, requirementFor(requirements, t.role, year)),
    });
  }
  return result;
}
