import { appError } from '@sutiao/domain/errors.ts';
import { hoursToX10, isHalfHourStep } from '@sutiao/domain/training/hours.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import type { CourseDetail } from './get-course.ts';
import { changeOrganizedCourse } from './organizer-change.ts';

export interface AttendanceMark {
  userId: string;
  attended: boolean;
  /** Hours to credit; defaults to the course's full hours for someone who attended, 0 for an absence. */
  hours?: number | undefined;
}

const invalid = (zh: string, en: string) => appError('TRAINING_ATTENDANCE_INVALID', { reason: { zh, en } });

/**
 * The organizer records who attended and for how many hours (at most the course's, in half hours; part attendance
 * earns part), once the course has begun and until it is completed. Marks may be corrected before completion.
 */
export async function recordAttendance(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; marks: AttendanceMark[] },
): Promise<CourseDetail> {
  return changeOrganizedCourse(deps, ctx, input.courseId, async (trx, course, now) => {
    if (course.status !== 'open') throw appError('TRAINING_COURSE_CLOSED');
    if (new Date(course.starts_at) > now)
      throw invalid(
        '课程尚未开始，不能记录考勤',
        'the course has not begun; attendance cannot be recorded yet',
      );
    const seen = new Set<string>();
    for (const mark of input.marks) {
      if (seen.has(mark.userId))
        throw invalid(`重复的学员（${mark.userId}）`, `a trainee twice (${mark.userId})`);
      seen.add(mark.userId);
      const hours = mark.hours ?? (mark.attended ? course.hours_x10 / 10 : 0);
      const hoursX10 = hoursToX10(hours);
      if (
        !isHalfHourStep(hours, course.hours_x10, true) ||
        (mark.attended && hoursX10 === 0) ||
        (!mark.attended && hoursX10 !== 0)
      )
        throw invalid(
          `学时须为 0.5 的整数倍，出席者 0.5 至 ${course.hours_x10 / 10}，缺席者 0（${mark.userId}）`,
          `hours must be in half hours, 0.5 to ${course.hours_x10 / 10} for an attendee and 0 for an absence (${mark.userId})`,
        );
      const updated = await trx
        .updateTable('training_enrollments')
        .set({
          attendance: mark.attended ? 'attended' : 'absent',
          hours_x10: hoursX10,
          recorded_by: ctx.actor.userId,
          recorded_at: now,
        })
        .where('course_id', '=', input.courseId)
        .where('user_id', '=', mark.userId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        throw invalid(`该学员未报名本课程（${mark.userId}）`, `not enrolled in this course (${mark.userId})`);
    }
    await auditUserAct(trx, ctx, now, {
      action: 'training.attendance',
      targetType: 'training_course',
      targetId: input.courseId,
      details: {
        marks: input.marks.map((m) => ({ userId: m.userId, attended: m.attended, hours: m.hours ?? null })),
      },
    });
  });
}
