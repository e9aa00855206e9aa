import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { GroupBy } from '@sutiao/domain/statistics/dimensions.ts';
import { checkPeriod, type Period } from '@sutiao/domain/statistics/period.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import type { CaseFilter } from './occurrences.ts';
import { narrowToOrganization, type StatisticsScope, statisticsScope } from './statistics-scope.ts';

/** What a reader asks for: a period, optional filters, and (for tables and charts) a breakdown. */
export interface StatisticsQuery {
  from: string;
  to: string;
  groupBy?: GroupBy;
  organizationId?: string;
  mediatorId?: string;
  track?: string;
  source?: string;
  sector?: string;
  region?: string;
}

export interface ResolvedQuery {
  scope: StatisticsScope;
  period: Period;
  filter: CaseFilter;
  groupBy: GroupBy | undefined;
}

/** Checks the reader's permission and scope and the period; every statistics use case starts here. */
export async function resolveStatisticsQuery(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery,
): Promise<ResolvedQuery> {
  const scope = await statisticsScope(deps, ctx);
  const period = checkPeriod(query.from, query.to);
  const organizationIds = narrowToOrganization(scope, query.organizationId);
  if (query.mediatorId) {
    const mediator = await deps.db
      .selectFrom('users')
      .select('organization_id')
      .where('id', '=', query.mediatorId)
      .executeTakeFirst();
    if (!mediator?.organization_id || !scope.organizationIds.includes(mediator.organization_id))
      throw appError('STATS_SCOPE_FORBIDDEN');
  }
  const { mediatorId, track, source, sector, region } = query;
  return {
    scope,
    period,
    groupBy: query.groupBy,
    filter: {
      organizationIds,
      mediatorId,
      track,
      source,
      sector,
      region,
      today: todayInShanghai(deps.now()),
    },
  };
}
