import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { regulatorOffice } from '../../common/statistics/regulator-office.ts';
import { subtreeOf } from '../../common/statistics/subtree.ts';

export interface StatisticsScope {
  /** Who the reader is, for the page's heading. */
  kind: 'all' | 'region' | 'organization';
  /** The mediation organizations (and workstations) whose cases the reader may count. */
  organizationIds: string[];
  organizations: { id: string; name: string; parentId: string | null; region: string | null }[];
}

/**
 * What a statistics reader may count: the CSRC's investor protection bureau (a regulator at the top) every mediation
 * organization and workstation; a regional office (派出机构, a regulator under the bureau) those in its region; an
 * organization's administrator their organization and the workstations under it (the center's 35). Nobody edits
 * anything here.
 */
export async function statisticsScope(deps: Deps, ctx: SignedInContext): Promise<StatisticsScope> {
  requirePermission(ctx, 'stats.read');
  const all = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'parent_id', 'region'])
    .where('kind', 'in', ['mediation', 'workstation'])
    .orderBy('id')
    .execute();
  const organizations = all.map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id, region: o.region }));
  if (ctx.actor.roles.includes('regulator')) {
    const office = await regulatorOffice(deps, ctx.actor.organizationId);
    if (!office?.regional)
      return { kind: 'all', organizationIds: organizations.map((o) => o.id), organizations };
    const inRegion = organizations.filter((o) => o.region === office.region);
    return { kind: 'region', organizationIds: inRegion.map((o) => o.id), organizations: inRegion };
  }
  const own = ctx.actor.organizationId;
  if (!own || !organizations.some((o) => o.id === own)) throw appError('FORBIDDEN');
  const ids = subtreeOf(organizations, own);
  return {
    kind: 'organization',
    organizationIds: ids,
    organizations: organizations.filter((o) => ids.includes(o.id)),
  };
}

/** The organizations a request's organization filter stands for: it and its workstations, within the scope. */
export function narrowToOrganization(scope: StatisticsScope, organizationId: string | undefined): string[] {
  if (!organizationId) return scope.organizationIds;
  if (!scope.organizationIds.includes(organizationId)) throw appError('STATS_SCOPE_FORBIDDEN');
  return subtreeOf(scope.organizations, organizationId);
}
