import { requirePermission } from '../../common/require-permission.ts';
import { rankScorecards, type Scorecards, scorecardPeriod } from '../../common/evaluation/rank-scorecards.ts';
import { versionForYear } from '../../common/evaluation/scorecard-version.ts';
import { traineesIn, yearAgainstRequirement } from '../../common/training/training-standings.ts';
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
  const { from, to } = scorecardPeriod(deps, input.year);
  const period = { from, to };
  const version = await versionForYear(deps.db, 'court', input.year);
  const stats = await getCourtStatistics(deps, ctx, { ...period, groupBy: 'court' });
  const courtIds = stats.groups.map((g) => g.key).filter((k) => k !== '');
  const judges = (await traineesIn(deps.db, 'court', courtIds)).filter((p) => p.role === 'judge');
  const hours = await yearAgainstRequirement(deps.db, judges, input.year);
  const parentOf = new Map(stats.courts.map((c) => [c.id, c.parentId]));
  const nameOf = new Map(stats.courts.map((c) => [c.id, c.name]));
  const units = stats.groups
    .filter((g) => g.key !== '')
    .map((g) => {
      const own = judges.filter((j) => j.organizationId === g.key && hours.has(j.userId));
      const met = own.filter((j) => {
        const h = hours.get(j.userId);
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
