import { appError } from '@sutiao/domain/errors.ts';
import { type CourseEvent, nextCourseStatus } from '@sutiao/domain/training/course-lifecycle.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import { issueCertificates } from './issue-certificates.ts';
import type { CourseDetail } from './get-course.ts';
import { changeOrganizedCourse } from './organizer-change.ts';

const invalid = (zh: string, en: string) => appError('TRAINING_ATTENDANCE_INVALID', { reason: { zh, en } });

/**
 * The organizer completes a course (结业) once it has begun and everyone enrolled has an attendance mark: the hours
 * are credited on the course's last day (or today, if completed early) and each attendee receives a signed
 * certificate. Or cancels it, while nobody's attendance is recorded. Both follow the course table and are final.
 */
export async function changeCourseStatus(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; event: CourseEvent; expectedVersion: number },
): Promise<CourseDetail> {
  return changeOrganizedCourse(deps, ctx, input.courseId, async (trx, course, now) => {
    if (course.version !== input.expectedVersion) throw appError('TRAINING_COURSE_CHANGED');
    const to = nextCourseStatus(course.status, input.event);
    if (!to) throw appError('TRAINING_COURSE_CLOSED');
    const enrollments = await trx
      .selectFrom('training_enrollments')
      .select(['user_id', 'attendance'])
      .where('course_id', '=', course.id)
      .execute();
    let certificates = 0;
    if (input.event === 'complete') {
      if (new Date(course.starts_at) > now)
        throw invalid('课程尚未开始，不能结业', 'the course has not begun; it cannot be completed');
      const unmarked = enrollments.filter((e) => e.attendance === null).length;
      if (unmarked > 0)
        throw invalid(
          `尚有 ${unmarked} 名学员未记录考勤`,
          `${unmarked} trainees have no attendance mark yet`,
        );
      const ends = new Date(course.ends_at);
      const creditedOn = todayInShanghai(ends < now ? ends : now);
      await trx
        .updateTable('training_enrollments')
        .set({ credited_on: creditedOn })
        .where('course_id', '=', course.id)
        .where('attendance', '=', 'attended')
        .execute();
      certificates = await issueCertificates(deps, trx, { course, creditedOn, issuedAt: now });
    } else if (enrollments.some((e) => e.attendance !== null)) {
      throw invalid('已记录考勤的课程不能取消', 'a course with attendance recorded cannot be cancelled');
    }
    await trx
      .updateTable('training_courses')
      .set({ status: to, version: course.version + 1, closed_at: now })
      .where('id', '=', course.id)
      .execute();
    await auditUserAct(trx, ctx, now, {
      action: `training.course.${input.event}`,
      targetType: 'training_course',
      targetId: course.id,
      details: { from: course.status, to, certificates },
    });
  });
}
