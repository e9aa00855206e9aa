import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import {
  type CourseSummary,
  courseNotFound,
  enrolledCounts,
  organizesCourse,
  presentCourse,
} from './course-record.ts';
import { type CourseMaterial, currentMaterials, presentMaterial } from './course-materials.ts';
import { courseVisibility, overseesCourse } from './course-visibility.ts';

export interface Enrollment {
  userId: string;
  displayName: string;
  organizationName: string | null;
  enrolledAt: string;
  attendance: 'attended' | 'absent' | null;
  hours: number;
  certificateCode: string | null;
}

export interface CourseDetail extends CourseSummary {
  manageable: boolean;
  mine: Enrollment | null;
  /** Everyone enrolled, for those who oversee the course; empty for a trainee. */
  enrollments: Enrollment[];
  /** The course's files: listed for all who see it, downloadable by its trainees and those who oversee it. */
  materials: CourseMaterial[];
}

/** One course: its details, the reader's own enrollment and certificate, and the attendance list for its organizers. */
export async function getCourse(deps: Deps, ctx: SignedInContext, courseId: string): Promise<CourseDetail> {
  const visibility = await courseVisibility(deps, ctx);
  const row = await deps.db
    .selectFrom('training_courses')
    .selectAll()
    .where('id', '=', courseId)
    .where(visibility.filter())
    .executeTakeFirst();
  if (!row) throw courseNotFound();
  const oversees = overseesCourse(row, visibility.oversees);
  let enrollmentQuery = deps.db
    .selectFrom('training_enrollments as e')
    .innerJoin('users', 'users.id', 'e.user_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('training_certificates as c', (join) =>
      join.onRef('c.course_id', '=', 'e.course_id').onRef('c.user_id', '=', 'e.user_id'),
    )
    .select([
      'e.user_id',
      'users.display_name',
      'organizations.name as org_name',
      'e.enrolled_at',
      'e.attendance',
      'e.hours_x10',
      'c.verification_code',
    ])
    .where('e.course_id', '=', courseId);
  if (!oversees) enrollmentQuery = enrollmentQuery.where('e.user_id', '=', ctx.actor.userId);
  const rows = await enrollmentQuery.orderBy('e.enrolled_at').orderBy('e.user_id').execute();
  const enrollments = rows.map(
    (e): Enrollment => ({
      userId: e.user_id,
      displayName: e.display_name,
      organizationName: e.org_name,
      enrolledAt: new Date(e.enrolled_at).toISOString(),
      attendance: e.attendance,
      hours: x10ToHours(e.hours_x10),
      certificateCode: e.verification_code,
    }),
  );
  const counts = await enrolledCounts(deps.db, [courseId]);
  const available = oversees || enrollments.some((e) => e.userId === ctx.actor.userId);
  const materials = (await currentMaterials(deps.db, courseId)).map((m) => presentMaterial(m, available));
  return {
    ...presentCourse(row, visibility.organizations, counts.get(courseId) ?? 0),
    manageable: organizesCourse(ctx, row),
    mine: enrollments.find((e) => e.userId === ctx.actor.userId) ?? null,
    enrollments: oversees ? enrollments : [],
    materials,
  };
}
