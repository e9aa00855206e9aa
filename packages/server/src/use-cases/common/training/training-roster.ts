import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import type { Role } from '@sutiao/domain/roles.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { presentStanding, type StandingView } from './present-standing.ts';
import { trainingScope } from './training-scope.ts';
import { standingsOf } from './training-standings.ts';

export interface RosterEntry {
  userId: string;
  displayName: string;
  role: string;
  organizationId: string;
  organizationName: string;
  standing: StandingView;
}

/**
 * Everyone with a trainee role in the organizations a reader oversees, with their hours and whether they are flagged
 * (short, in grace) or suspended from assignment; the flagged and suspended first.
 */
export async function trainingRoster(deps: Deps, ctx: SignedInContext): Promise<{ items: RosterEntry[] }> {
  const scope = await trainingScope(deps, ctx);
  if (scope.organizationIds.length === 0) return { items: [] };
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.display_name',
      'users.created_at',
      'user_roles.role',
      'organizations.id as org_id',
      'organizations.name as org_name',
    ])
    .where('users.disabled', '=', false)
    .where('user_roles.role', 'in', [...TRAINEE_ROLES[deps.platform]])
    .where('users.organization_id', 'in', scope.organizationIds)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  // Someone with two trainee roles is counted under the first the platform lists.
  const order = TRAINEE_ROLES[deps.platform];
  const byUser = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = byUser.get(r.id);
    if (!seen || order.indexOf(r.role as Role) < order.indexOf(seen.role as Role)) byUser.set(r.id, r);
  }
  const people = [...byUser.values()];
  const standings = await standingsOf(
    deps.db,
    people.map((p) => ({ userId: p.id, role: p.role as Role, since: new Date(p.created_at) })),
    deps.now(),
  );
  const rank = { suspended: 0, 'catching-up': 1, met: 2 } as const;
  const items = people.map((p) => {
    const standing = standings.get(p.id);
    if (!standing) throw new Error(`no standing for ${p.id}`);
    return {
      userId: p.id,
      displayName: p.display_name,
      role: p.role,
      organizationId: p.org_id,
      organizationName: p.org_name,
      standing: presentStanding(standing),
    };
  });
  items.sort((a, b) => rank[a.standing.status] - rank[b.standing.status]);
  return { items };
}
