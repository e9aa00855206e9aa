import type { Kysely, Selectable } from 'kysely';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { TrainingCoursesTable } from '../../../adapters/db/training-schema.ts';
import type { SignedInContext } from '../../../deps.ts';
import type { TrainingOrganization } from './training-scope.ts';

export type CourseRow = Selectable<TrainingCoursesTable>;

export interface CourseSummary {
  id: string;
  title: string;
  summary: string;
  organizer: { id: string; name: string };
  coOrganizers: { id: string; name: string }[];
  joint: boolean;
  mode: 'online' | 'in_person';
  location: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  audience: string[];
  capacity: number | null;
  enrolled: number;
  status: 'open' | 'completed' | 'cancelled';
  version: number;
}

export const courseNotFound = () =>
  appError('NOT_FOUND', { entity: { zh: '培训课程', en: 'Training course' } });

export async function loadCourse(db: Kysely<DB>, id: string, lock = false): Promise<CourseRow> {
  let query = db.selectFrom('training_courses').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw courseNotFound();
  return row;
}

/** Only the organizing organization's own administrators manage a course (co-organizers appear on it). */
export const organizesCourse = (ctx: SignedInContext, course: Pick<CourseRow, 'organizer_id'>): boolean =>
  isAuthorized(ctx.actor, 'training.organize') && ctx.actor.organizationId === course.organizer_id;

export function requireOrganizerOf(ctx: SignedInContext, course: CourseRow): void {
  if (!organizesCourse(ctx, course)) throw appError('FORBIDDEN');
}

export function presentCourse(
  row: CourseRow,
  organizations: readonly TrainingOrganization[],
  enrolled: number,
): CourseSummary {
  const named = (id: string) => ({ id, name: organizations.find((o) => o.id === id)?.name ?? id });
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    organizer: named(row.organizer_id),
    coOrganizers: row.co_organizer_ids.map(named),
    joint: row.co_organizer_ids.length > 0,
    mode: row.mode,
    location: row.location,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    hours: x10ToHours(row.hours_x10),
    audience: row.audience,
    capacity: row.capacity,
    enrolled,
    status: row.status,
    version: row.version,
  };
}

/** Enrollment counts per course, for a list. */
export async function enrolledCounts(db: Kysely<DB>, courseIds: string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_enrollments')
    .select(['course_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('course_id', 'in', courseIds)
    .groupBy('course_id')
    .execute();
  return new Map(rows.map((r) => [r.course_id, Number(r.n)]));
}
