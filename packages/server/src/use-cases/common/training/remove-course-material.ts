import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import { loadCourse, requireOrganizerOf } from './course-record.ts';

export const materialNotFound = () =>
  appError('NOT_FOUND', { entity: { zh: '培训资料', en: 'Course material' } });

/** The organizer withdraws a file from their course: it is no longer offered; the record of it stays. */
export async function removeCourseMaterial(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; materialId: string },
): Promise<void> {
  const course = await loadCourse(deps.db, input.courseId);
  requireOrganizerOf(ctx, course);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('training_materials')
      .set({ removed_by: ctx.actor.userId, removed_at: now })
      .where('id', '=', input.materialId)
      .where('course_id', '=', course.id)
      .where('removed_at', 'is', null)
      .returning(['title', 'sha256'])
      .executeTakeFirst();
    if (!removed) throw materialNotFound();
    await auditUserAct(trx, ctx, now, {
      action: 'training.material.remove',
      targetType: 'training_course',
      targetId: course.id,
      details: { materialId: input.materialId, title: removed.title, sha256: removed.sha256 },
    });
  });
}
