import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import { loadCourse } from './course-record.ts';
import { getCourse, type CourseDetail } from './get-course.ts';

/**
 * A mediator, a judge or an organization's staff enrolls in an open course meant for their role, until it ends (a
 * late arrival at a running course still enrolls) and while it has places; enrolling twice is the same enrollment.
 */
export async function enroll(deps: Deps, ctx: SignedInContext, courseId: string): Promise<CourseDetail> {
  requirePermission(ctx, 'training.attend');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const course = await loadCourse(trx, courseId, true);
    if (!ctx.actor.roles.some((r) => course.audience.includes(r))) throw appError('TRAINING_NOT_ELIGIBLE');
    if (course.status !== 'open' || new Date(course.ends_at) <= now) throw appError('TRAINING_COURSE_CLOSED');
    const existing = await trx
      .selectFrom('training_enrollments')
      .select('user_id')
      .where('course_id', '=', courseId)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (existing) return;
    if (course.capacity !== null) {
      const { n } = await trx
        .selectFrom('training_enrollments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('course_id', '=', courseId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= course.capacity) throw appError('TRAINING_COURSE_FULL');
    }
    await trx
      .insertInto('training_enrollments')
      .values({ course_id: courseId, user_id: ctx.actor.userId, enrolled_at: now })
      .execute();
    await auditUserAct(trx, ctx, now, {
      action: 'training.enroll',
      targetType: 'training_course',
      targetId: courseId,
    });
  });
  return getCourse(deps, ctx, courseId);
}

/** Withdrawing from a course is possible until it starts. */
export async function withdrawEnrollment(
  deps: Deps,
  ctx: SignedInContext,
  courseId: string,
): Promise<CourseDetail> {
  requirePermission(ctx, 'training.attend');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const course = await loadCourse(trx, courseId, true);
    if (course.status !== 'open' || new Date(course.starts_at) <= now)
      throw appError('TRAINING_COURSE_CLOSED');
    const removed = await trx
      .deleteFrom('training_enrollments')
      .where('course_id', '=', courseId)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0)
      throw appError('NOT_FOUND', { entity: { zh: '报名记录', en: 'Enrollment' } });
    await auditUserAct(trx, ctx, now, {
      action: 'training.withdraw',
      targetType: 'training_course',
      targetId: courseId,
    });
  });
  return getCourse(deps, ctx, courseId);
}
