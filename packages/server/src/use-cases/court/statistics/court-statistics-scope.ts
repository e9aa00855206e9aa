import { appError } from '@sutiao/domain/errors.ts';
import type { CourtGroupBy } from '@sutiao/domain/statistics/court-figures.ts';
import { checkPeriod } from '@sutiao/domain/statistics/period.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { subtreeOf } from '../../common/statistics/subtree.ts';
import type { CourtCaseFilter } from './court-occurrences.ts';

export interface CourtStatisticsQuery {
  from: string;
  to: string;
  groupBy?: CourtGroupBy;
  courtId?: string;
  organizationId?: string;
  kind?: string;
}

export interface Court {
  id: string;
  name: string;
  parentId: string | null;
}

/** A court administrator's scope and the period: every court statistics request starts here. */
export async function resolveCourtStatisticsQuery(
  deps: Deps,
  ctx: SignedInContext,
  query: CourtStatisticsQuery,
) {
  requirePermission(ctx, 'stats.read');
  const period = checkPeriod(query.from, query.to);
  const all = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'parent_id'])
    .where('kind', '=', 'court')
    .orderBy('id')
    .execute();
  const courts = all.map((c) => ({ id: c.id, name: c.name, parentId: c.parent_id }));
  const own = ctx.actor.organizationId;
  if (!own || !courts.some((c) => c.id === own)) throw appError('FORBIDDEN');
  const scope = subtreeOf(courts, own);
  if (query.courtId && !scope.includes(query.courtId)) throw appError('STATS_SCOPE_FORBIDDEN');
  const filter: CourtCaseFilter = {
    courtIds: query.courtId ? subtreeOf(courts, query.courtId) : scope,
    organizationId: query.organizationId,
    kind: query.kind,
  };
  return { period, filter, courts: courts.filter((c) => scope.includes(c.id)), groupBy: query.groupBy };
}
