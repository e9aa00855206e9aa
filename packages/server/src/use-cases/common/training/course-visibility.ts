import { sql } from 'kysely';
import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { trainingOrganizations, trainingScope } from './training-scope.ts';

/**
 * Who sees a course: the people it is open to (their role is in its audience), and those who oversee its
 * organizer or a co-organizer (their organization's administrators, a regulator).
 */
export async function courseVisibility(deps: Deps, ctx: SignedInContext) {
  const traineeRoles = ctx.actor.roles.filter((r) => TRAINEE_ROLES[deps.platform].includes(r));
  const trains = isAuthorized(ctx.actor, 'training.attend') ? traineeRoles : [];
  const scope =
    isAuthorized(ctx.actor, 'training.organize') || isAuthorized(ctx.actor, 'stats.read')
      ? await trainingScope(deps, ctx)
      : { organizationIds: [], organizations: await trainingOrganizations(deps) };
  const oversees = scope.organizationIds;
  return {
    trains,
    oversees,
    /** Every court and mediation organization, to name a course's organizers (loaded once per request). */
    organizations: scope.organizations,
    /** A Kysely filter on training_courses for this reader. */
    filter: () =>
      sql<boolean>`(training_courses.audience && ${sql.val(trains)}::text[] or training_courses.organizer_id = any(${sql.val(oversees)}::text[]) or training_courses.co_organizer_ids && ${sql.val(oversees)}::text[])`,
  };
}

/** Whether the reader oversees the course: its organizer or a co-organizer is among the organizations they oversee. */
export const overseesCourse = (
  course: { organizer_id: string; co_organizer_ids: string[] },
  oversees: readonly string[],
): boolean => [course.organizer_id, ...course.co_organizer_ids].some((id) => oversees.includes(id));
