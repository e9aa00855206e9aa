import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { type CourseRow, loadCourse, requireOrganizerOf } from './course-record.ts';
import { getCourse, type CourseDetail } from './get-course.ts';

/**
 * A change only the organizing organization's administrators make to a course (attendance, completion,
 * cancellation): in one transaction with the course row locked; answers the course as it then stands.
 */
export async function changeOrganizedCourse(
  deps: Deps,
  ctx: SignedInContext,
  courseId: string,
  change: (trx: Kysely<DB>, course: CourseRow, now: Date) => Promise<void>,
): Promise<CourseDetail> {
  requirePermission(ctx, 'training.organize');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const course = await loadCourse(trx, courseId, true);
    requireOrganizerOf(ctx, course);
    await change(trx, course, now);
  });
  return getCourse(deps, ctx, courseId);
}
