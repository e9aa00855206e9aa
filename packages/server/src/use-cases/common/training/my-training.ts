import { appError } from '@sutiao/domain/errors.ts';
import { primaryTraineeRole } from '@sutiao/domain/training/course-rules.ts';
import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { presentStanding, type StandingView } from './present-standing.ts';
import { standingsOf } from './training-standings.ts';

export interface MyTraining {
  /** The role the requirement is counted for (the first trainee role the person holds). */
  role: string;
  standing: StandingView;
  /** Completed courses with credited hours, newest first, with the certificate's code. */
  record: {
    courseId: string;
    title: string;
    creditedOn: string;
    hours: number;
    certificateCode: string | null;
  }[];
}

/** A trainee's own hours: where they stand against the annual requirement and every course that counted. */
export async function myTraining(deps: Deps, ctx: SignedInContext): Promise<MyTraining> {
  requirePermission(ctx, 'training.attend');
  const role = primaryTraineeRole(deps.platform, ctx.actor.roles);
  if (!role) throw appError('FORBIDDEN');
  const user = await deps.db
    .selectFrom('users')
    .select('created_at')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const standing = (
    await standingsOf(
      deps.db,
      [{ userId: ctx.actor.userId, role, since: new Date(user.created_at) }],
      deps.now(),
    )
  ).get(ctx.actor.userId);
  if (!standing) throw appError('FORBIDDEN');
  const rows = await deps.db
    .selectFrom('training_enrollments as e')
    .innerJoin('training_courses as c', 'c.id', 'e.course_id')
    .leftJoin('training_certificates as cert', (join) =>
      join.onRef('cert.course_id', '=', 'e.course_id').onRef('cert.user_id', '=', 'e.user_id'),
    )
    .select(['e.course_id', 'c.title', 'e.credited_on', 'e.hours_x10', 'cert.verification_code'])
    .where('e.user_id', '=', ctx.actor.userId)
    .where('e.attendance', '=', 'attended')
    .where('e.credited_on', 'is not', null)
    .orderBy('e.credited_on', 'desc')
    .limit(200)
    .execute();
  return {
    role,
    standing: presentStanding(standing),
    record: rows.map((r) => ({
      courseId: r.course_id,
      title: r.title,
      creditedOn: r.credited_on ?? '',
      hours: x10ToHours(r.hours_x10),
      certificateCode: r.verification_code,
    })),
  };
}
