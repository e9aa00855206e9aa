import { MIN_SURVEY_RESPONSES, type ScorecardLevel } from '@sutiao/domain/evaluation/indicators.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { yearAgainstRequirement } from '../../common/training/training-standings.ts';
import { aggregate } from '../statistics/get-statistics.ts';
import { statisticsScope } from '../statistics/statistics-scope.ts';
import { rankScorecards, type Scorecards, scorecardPeriod } from '../../common/evaluation/rank-scorecards.ts';
import { versionForYear } from '../../common/evaluation/scorecard-version.ts';

/**
 * A year's scorecards and ranking (评估考核) for the mediators or the organizations a reader oversees (a regulator
 * all, an organization's administrator their own and its workstations), with the weights version that year had.
 * The measurements come from the same figures as the statistics (settled, failed, median days, court referrals signed
 * for), the surveys (averaged over at least five responses) and the training hours.
 */
export async function getScorecards(
  deps: Deps,
  ctx: SignedInContext,
  input: { level: Exclude<ScorecardLevel, 'court'>; year: number },
): Promise<Scorecards> {
  requirePermission(ctx, 'evaluation.read');
  const { today, ...period } = scorecardPeriod(deps, input.year);
  const scope = await statisticsScope(deps, ctx);
  const version = await versionForYear(deps.db, input.level, input.year);
  const [byLevel = []] = await aggregate(deps, { organizationIds: scope.organizationIds, today }, period, [
    input.level,
  ]);
  const groups = byLevel.filter((g) => g.key !== '');
  const keys = groups.map((g) => g.key);
  const surveyColumn = input.level === 'mediator' ? 'mediator_user_id' : 'organization_id';
  const surveys = keys.length
    ? await deps.db
        .selectFrom('case_surveys')
        .select([
          `${surveyColumn} as key`,
          (eb) => eb.fn.countAll<string>().as('n'),
          (eb) => eb.fn.avg<string>('mean_x100').as('avg'),
        ])
        .where(surveyColumn, 'in', keys)
        .where('organization_id', 'in', scope.organizationIds)
        .where('submitted_at', '>=', new Date(`${period.from}T00:00:00+08:00`))
        .where('submitted_at', '<', new Date(`${input.year + 1}-01-01T00:00:00+08:00`))
        .groupBy(surveyColumn)
        .execute()
    : [];
  const surveyOf = new Map(
    surveys.map((s) => [s.key as string, { n: Number(s.n), avg: Number(s.avg) / 100 }]),
  );
  const names = await unitNames(deps, input.level, keys, scope.organizations);
  const training =
    input.level === 'mediator'
      ? await yearAgainstRequirement(
          deps.db,
          [...names.values()].map((n) => ({ userId: n.id, role: 'mediator' as const, since: n.since })),
          input.year,
        )
      : new Map<string, { earnedX10: number; requiredX10: number }>();
  const units = groups.map((g) => {
    const survey = surveyOf.get(g.key);
    const hours = training.get(g.key);
    return {
      id: g.key,
      name: names.get(g.key)?.name ?? g.key,
      organizationName: names.get(g.key)?.organizationName ?? null,
      measurements: {
        successRate: g.figures.successRate as number | null,
        medianDaysToSettle: g.figures.medianDaysToSettle as number | null,
        satisfactionAverage: survey && survey.n >= MIN_SURVEY_RESPONSES ? survey.avg : null,
        dockingReceived: (g.figures.courtReceived as number | null) ?? 0,
        trainingShare: hours ? (hours.requiredX10 === 0 ? 1 : hours.earnedX10 / hours.requiredX10) : null,
        settled: (g.figures.settled as number | null) ?? 0,
        failed: (g.figures.failed as number | null) ?? 0,
        surveyResponses: survey?.n ?? 0,
      },
    };
  });
  return rankScorecards({ level: input.level, year: input.year, period, version }, units);
}

async function unitNames(
  deps: Deps,
  level: ScorecardLevel,
  keys: string[],
  organizations: { id: string; name: string; parentId: string | null }[],
) {
  const map = new Map<string, { id: string; name: string; organizationName: string | null; since: Date }>();
  const orgName = (id: string | null) => organizations.find((o) => o.id === id)?.name ?? null;
  if (level === 'organization') {
    for (const k of keys) {
      const o = organizations.find((org) => org.id === k);
      map.set(k, {
        id: k,
        name: o?.name ?? k,
        organizationName: orgName(o?.parentId ?? null),
        since: new Date(0),
      });
    }
    return map;
  }
  if (keys.length === 0) return map;
  const users = await deps.db
    .selectFrom('users')
    .select(['id', 'display_name', 'organization_id', 'created_at'])
    .where('id', 'in', keys)
    .execute();
  for (const u of users)
    map.set(u.id, {
      id: u.id,
      name: u.display_name,
      organizationName: orgName(u.organization_id),
      since: new Date(u.created_at),
    });
  return map;
}
