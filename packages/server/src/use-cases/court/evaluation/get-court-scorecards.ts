import { requirePermission } from '../../common/require-permission.ts';
import { rankScorecards, type Scorecards, scorecardPeriod } from '../../common/evaluation/rank-scorecards.ts';
import { versionForYear } from '../../common/evaluation/scorecard-version.ts';
import { yearAgainstRequirement } from '../../common/training/training-standings.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { getCourtStatistics } from '../statistics/get-court-statistics.ts';

/**
 * A year's scorecards and ranking of the courts a court administrator oversees (a court, a high court over its
 * courts, the SPC over all), with the court weights version of that year: the success rate of the cases each court
 * delegated or entrusted, the median days to settlement, its docking volume (cases referred) and the share of its
 * judges who met the year's training hours. The figures are the court statistics' own.
 */
export async function getCourtScorecards(
  deps: Deps,
  ctx: SignedInContext,
  input: { year: number },
): Promise<Scorecards> {
  requirePermission(ctx, 'evaluation.read');
  const { today: _today, ...period } = scorecardPeriod(deps, input.year);
  const version = await versionForYear(deps.db, 'court', input.year);
  const stats = await getCourtStatistics(deps, ctx, { ...period, groupBy: 'court' });
  const courtIds = stats.groups.map((g) => g.key).filter((k) => k !== '');
  const judges = courtIds.length
    ? await deps.db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select(['users.id', 'users.organization_id', 'users.created_at'])
        .where('user_roles.role', '=', 'judge')
        .where('users.disabled', '=', false)
        .where('users.organization_id', 'in', courtIds)
        .execute()
    : [];
  const hours = await yearAgainstRequirement(
    deps.db,
    judges.map((j) => ({ userId: j.id, role: 'judge' as const, since: new Date(j.created_at) })),
    input.year,
  );
  const parentOf = new Map(stats.courts.map((c) => [c.id, c.parentId]));
  const nameOf = new Map(stats.courts.map((c) => [c.id, c.name]));
  const units = stats.groups
    .filter((g) => g.key !== '')
    .map((g) => {
      const own = judges.filter((j) => j.organization_id === g.key && hours.has(j.id));
      const met = own.filter((j) => {
        const h = hours.get(j.id);
        return h !== undefined && h.earnedX10 >= h.requiredX10;
      }).length;
      const parent = parentOf.get(g.key) ?? null;
      return {
        id: g.key,
        name: nameOf.get(g.key) ?? g.label.zh,
        organizationName: parent ? (nameOf.get(parent) ?? null) : null,
        measurements: {
          successRate: g.figures.successRate,
          medianDaysToSettle: g.figures.medianDaysToSettle,
          satisfactionAverage: null,
          dockingReceived: (g.figures.delegated ?? 0) + (g.figures.entrusted ?? 0),
          trainingShare: own.length > 0 ? met / own.length : null,
          settled: g.figures.settled ?? 0,
          failed: g.figures.failed ?? 0,
          surveyResponses: 0,
        },
      };
    });
  return rankScorecards({ level: 'court', year: input.year, period, version }, units);
}
