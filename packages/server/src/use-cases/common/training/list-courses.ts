import { appError } from '@sutiao/domain/errors.ts';
import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { type CourseSummary, enrolledCounts, organizesCourse, presentCourse } from './course-record.ts';
import { courseVisibility } from './course-visibility.ts';

export interface CourseListItem extends CourseSummary {
  /** The reader's own enrollment in it, if any. */
  mine: { attendance: 'attended' | 'absent' | null; hours: number } | null;
  /** Whether the reader's organization runs it (and the reader may manage it). */
  manageable: boolean;
}

/** The courses a reader may see (open to their role, or run by organizations they oversee), newest first. */
export async function listCourses(
  deps: Deps,
  ctx: SignedInContext,
  input: { status?: 'open' | 'completed' | 'cancelled' | undefined },
): Promise<{ items: CourseListItem[] }> {
  const visibility = await courseVisibility(deps, ctx);
  if (visibility.trains.length === 0 && visibility.oversees.length === 0) throw appError('FORBIDDEN');
  let query = deps.db
    .selectFrom('training_courses')
    .leftJoin('training_enrollments as mine', (join) =>
      join.onRef('mine.course_id', '=', 'training_courses.id').on('mine.user_id', '=', ctx.actor.userId),
    )
    .selectAll('training_courses')
    .select([
      'mine.user_id as mine_user',
      'mine.attendance as mine_attendance',
      'mine.hours_x10 as mine_hours',
    ])
    .where(visibility.filter());
  if (input.status) query = query.where('training_courses.status', '=', input.status);
  const rows = await query.orderBy('training_courses.starts_at', 'desc').limit(500).execute();
  const counts = await enrolledCounts(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => ({
      ...presentCourse(row, visibility.organizations, counts.get(row.id) ?? 0),
      mine: row.mine_user
        ? { attendance: row.mine_attendance ?? null, hours: x10ToHours(row.mine_hours ?? 0) }
        : null,
      manageable: organizesCourse(ctx, row),
    })),
  };
}
