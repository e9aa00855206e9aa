import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { actorCourt } from '../court-case-access.ts';

/** The judges of the user's court, for assigning a confirmation case (承办法官). */
export async function listJudges(
  deps: Deps,
  ctx: SignedInContext,
): Promise<{ items: { id: string; name: string }[] }> {
  requirePermission(ctx, 'court.workbench');
  const court = await actorCourt(deps.db, ctx.actor);
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('users.organization_id', '=', court.id)
    .where('user_roles.role', '=', 'judge')
    .where('users.disabled', '=', false)
    .orderBy('users.display_name')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name })) };
}
