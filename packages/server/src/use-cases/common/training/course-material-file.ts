import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { courseNotFound } from './course-record.ts';
import { courseVisibility, overseesCourse } from './course-visibility.ts';
import { materialNotFound } from './remove-course-material.ts';

/**
 * A course's file, for its enrolled trainees and the people who oversee the course; anyone else who sees the course
 * sees the list but is refused the file (TRAINING_NOT_ENROLLED), and one who does not see it gets NOT_FOUND.
 */
export async function courseMaterialFile(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; materialId: string },
) {
  const visibility = await courseVisibility(deps, ctx);
  const course = await deps.db
    .selectFrom('training_courses')
    .select(['id', 'organizer_id', 'co_organizer_ids'])
    .where('id', '=', input.courseId)
    .where(visibility.filter())
    .executeTakeFirst();
  if (!course) throw courseNotFound();
  const material = await deps.db
    .selectFrom('training_materials')
    .selectAll()
    .where('id', '=', input.materialId)
    .where('course_id', '=', course.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!material) throw materialNotFound();
  if (!(await mayDownload(deps, ctx, course, visibility.oversees))) {
    throw appError('TRAINING_NOT_ENROLLED');
  }
  const stream = await deps.storage.getStream(material.sha256);
  if (!stream) throw appError('SERVICE_UNAVAILABLE'); // the store lost the file: an operator must restore it
  return { name: material.file_name, mime: material.mime, size: material.size_bytes, stream };
}

/** Trainees enrolled in the course, and the people overseeing its organizer or a co-organizer. */
async function mayDownload(
  deps: Deps,
  ctx: SignedInContext,
  course: { id: string; organizer_id: string; co_organizer_ids: string[] },
  oversees: string[],
): Promise<boolean> {
  if (overseesCourse(course, oversees)) return true;
  const enrolled = await deps.db
    .selectFrom('training_enrollments')
    .select('user_id')
    .where('course_id', '=', course.id)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  return enrolled !== undefined;
}
