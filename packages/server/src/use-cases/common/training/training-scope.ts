import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { regulatorOffice } from '../statistics/regulator-office.ts';
import { subtreeOf } from '../statistics/subtree.ts';

export interface TrainingOrganization {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  region: string | null;
}

/** The organizations that run training on a platform: mediation organizations and workstations, or courts. */
const OWN_KINDS = {
  mediation: ['mediation', 'workstation'],
  court: ['court'],
} as const;

/** Every court and mediation organization, for naming organizers and co-organizers. */
export async function trainingOrganizations(deps: Deps): Promise<TrainingOrganization[]> {
  const rows = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'parent_id', 'region'])
    .where('kind', 'in', ['court', 'mediation', 'workstation'])
    .orderBy('id')
    .execute();
  return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parent_id, region: o.region }));
}

/**
 * Whose training a reader oversees: a regulator every mediation organization; an organization's or a court's
 * administrator their own and those under it (the center's workstations, a high court's courts). Only holders of
 * `training.organize` or `stats.read` oversee anyone.
 */
export async function trainingScope(
  deps: Deps,
  ctx: SignedInContext,
): Promise<{ organizationIds: string[]; organizations: TrainingOrganization[] }> {
  if (!isAuthorized(ctx.actor, 'training.organize') && !isAuthorized(ctx.actor, 'stats.read'))
    throw appError('FORBIDDEN');
  const all = await trainingOrganizations(deps);
  const own = all.filter((o) => (OWN_KINDS[deps.platform] as readonly string[]).includes(o.kind));
  if (ctx.actor.roles.includes('regulator')) {
    // The bureau oversees every organization's training, a regional office those in its region.
    const office = await regulatorOffice(deps, ctx.actor.organizationId);
    const seen = office?.regional ? own.filter((o) => o.region === office.region) : own;
    return { organizationIds: seen.map((o) => o.id), organizations: all };
  }
  const root = ctx.actor.organizationId;
  if (!root || !own.some((o) => o.id === root)) throw appError('FORBIDDEN');
  return { organizationIds: subtreeOf(own, root), organizations: all };
}

/** The courts and mediation organizations an organizer may name as co-organizers of a joint course. */
export async function listOrganizers(deps: Deps, ctx: SignedInContext) {
  if (!isAuthorized(ctx.actor, 'training.organize')) throw appError('FORBIDDEN');
  const all = await trainingOrganizations(deps);
  return { items: all.filter((o) => o.id !== ctx.actor.organizationId) };
}
