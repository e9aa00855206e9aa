import { appError } from '@sutiao/domain/errors.ts';
import { checkCourse, type CourseMode, ORGANIZER_KINDS } from '@sutiao/domain/training/course-rules.ts';
import { hoursToX10 } from '@sutiao/domain/training/hours.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { requirePermission } from '../require-permission.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import { type CourseSummary, presentCourse } from './course-record.ts';
import { trainingOrganizations } from './training-scope.ts';

export interface CourseDraft {
  title: string;
  summary?: string | undefined;
  coOrganizerIds?: string[] | undefined;
  mode: CourseMode;
  location: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  audience: string[];
  capacity?: number | null | undefined;
}

/**
 * An organization's or a court's administrator opens a course for enrollment, in their organization's name and,
 * for a joint course (联合培训), with the courts and mediation organizations that run it with them.
 */
export async function createCourse(
  deps: Deps,
  ctx: SignedInContext,
  input: CourseDraft,
): Promise<CourseSummary> {
  requirePermission(ctx, 'training.organize');
  const organizerId = ctx.actor.organizationId;
  if (!organizerId) throw appError('FORBIDDEN');
  checkCourse({ ...input, title: input.title }, deps.platform);
  const organizations = await trainingOrganizations(deps);
  const coOrganizerIds = [...new Set(input.coOrganizerIds ?? [])].filter((id) => id !== organizerId);
  for (const id of coOrganizerIds) {
    const found = organizations.find((o) => o.id === id);
    if (!found || !(ORGANIZER_KINDS as readonly string[]).includes(found.kind))
      throw appError('TRAINING_COURSE_INVALID', {
        reason: {
          zh: `联合举办单位须为法院或调解组织（${id}）`,
          en: `a co-organizer must be a court or a mediation organization (${id})`,
        },
      });
  }
  const now = deps.now();
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_courses')
      .values({
        id,
        title: input.title.trim(),
        summary: input.summary?.trim() ?? '',
        organizer_id: organizerId,
        co_organizer_ids: coOrganizerIds,
        mode: input.mode,
        location: input.location.trim(),
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        hours_x10: hoursToX10(input.hours),
        audience: [...new Set(input.audience)],
        capacity: input.capacity ?? null,
        created_by: ctx.actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditUserAct(trx, ctx, now, {
      action: 'training.course.create',
      targetType: 'training_course',
      targetId: id,
      details: { hoursX10: row.hours_x10, coOrganizerIds, audience: row.audience },
    });
    return presentCourse(row, organizations, 0);
  });
}
