import type { Kysely } from 'kysely';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { type HourRequirement, requirementFor } from '@sutiao/domain/training/hour-requirements.ts';
import {
  proratedRequirement,
  type TrainingStanding,
  trainingStanding,
} from '@sutiao/domain/training/training-standing.ts';
import type { Platform, Role } from '@sutiao/domain/roles.ts';
import { primaryTraineeRole, TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
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
  const ids = trainees.map((t) => t.userId);
  const [requirements, lastYear, thisYear] = await Promise.all([
    loadRequirements(db),
    hoursInYear(db, ids, year - 1),
    hoursInYear(db, ids, year),
  ]);
  const earnedIn = (userId: string, y: number) =>
    (y === year ? thisYear : y === year - 1 ? lastYear : new Map()).get(userId) ?? 0;
  for (const t of trainees)
    result.set(
      t.userId,
      trainingStanding({
        today,
        roleSince: todayInShanghai(t.since),
        earnedX10: (y) => earnedIn(t.userId, y),
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

export interface TraineeRow extends Trainee {
  displayName: string;
  organizationId: string;
  organizationName: string;
}

/**
 * The active people of the given organizations who hold a trainee role on this platform, each once under their
 * primary trainee role, by name.
 */
export async function traineesIn(
  db: Kysely<DB>,
  platform: Platform,
  organizationIds: readonly string[],
): Promise<TraineeRow[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.display_name',
      'users.created_at',
      'user_roles.role',
      'organizations.id as org_id',
      'organizations.name as org_name',
    ])
    .where('users.disabled', '=', false)
    .where('user_roles.role', 'in', [...TRAINEE_ROLES[platform]])
    .where('users.organization_id', 'in', [...organizationIds])
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  const rolesOf = new Map<string, Role[]>();
  for (const r of rows) rolesOf.set(r.id, [...(rolesOf.get(r.id) ?? []), r.role as Role]);
  const seen = new Set<string>();
  const people: TraineeRow[] = [];
  for (const r of rows) {
    const role = primaryTraineeRole(platform, rolesOf.get(r.id) ?? []);
    if (seen.has(r.id) || !role) continue;
    seen.add(r.id);
    people.push({
      userId: r.id,
      role,
      since: new Date(r.created_at),
      displayName: r.display_name,
      organizationId: r.org_id,
      organizationName: r.org_name,
    });
  }
  return people;
}
