import type { RawBuilder } from 'kysely';
import type { Labels } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { codedGroupLabel, emptyGroupLabel, type GroupBy } from '@sutiao/domain/statistics/dimensions.ts';
import {
  FIGURE_KEYS,
  FIGURES,
  type Figure,
  type FigureDefinition,
  LISTABLE_FIGURES,
  type ListableFigure,
  LOSS_FIGURE_KEYS,
  LOSS_FIGURES,
  type LossFigure,
  type Figures,
  withRates,
} from '@sutiao/domain/statistics/figures.ts';
import type { Period } from '@sutiao/domain/statistics/period.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import {
  aggregateOccurrences,
  figureAggregate,
  medianOf,
  tenthOfDay,
} from '../../common/statistics/aggregate-occurrences.ts';
import { lossFigures } from './loss-figures.ts';
import { type CaseFilter, groupKey, occurrencesCte, ofFigure } from './occurrences.ts';
import { refreshOccurrences } from './refresh-occurrences.ts';
import { resolveStatisticsQuery, type StatisticsQuery } from './statistics-request.ts';
import type { StatisticsScope } from './statistics-scope.ts';

export interface StatisticsGroup {
  key: string;
  label: Labels;
  figures: Figures;
}

export interface Statistics {
  period: Period;
  scope: {
    kind: 'all' | 'region' | 'organization';
    organizations: { id: string; name: string; parentId: string | null }[];
  };
  groupBy: GroupBy | null;
  totals: Figures;
  groups: StatisticsGroup[];
  definitions: ({ figure: Figure } & FigureDefinition)[];
  /** The loss assessments issued in the period by the reader's organizations (the case filters do not apply). */
  loss: Record<LossFigure, number>;
  lossDefinitions: ({ figure: LossFigure } & FigureDefinition)[];
}

/**
 * The figures of DOMAIN §5 for the reader's scope, a period and the filters, in total and (with groupBy) per month,
 * organization, mediator, track, source, dispute type or region. Aggregated from the occurrences kept per case
 * (refresh-occurrences.ts), the same rows the case list behind each figure pages through (listFigureCases).
 */
export async function getStatistics(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery,
): Promise<Statistics> {
  const { scope, period, filter, groupBy } = await resolveStatisticsQuery(deps, ctx, query);
  const [[totals] = [], groups = []] = await aggregate(
    deps,
    filter,
    period,
    groupBy ? [undefined, groupBy] : [undefined],
  );
  const loss = await lossFigures(deps, filter.organizationIds, period);
  const labels = groupBy
    ? await groupLabels(
        deps,
        groupBy,
        groups.map((g) => g.key),
        scope.organizations,
      )
    : new Map<string, Labels>();
  return {
    period,
    scope: { kind: scope.kind, organizations: scope.organizations },
    groupBy: groupBy ?? null,
    totals: (totals as { figures: Figures }).figures,
    groups: groups.map((g) => ({ ...g, label: labels.get(g.key) ?? emptyGroupLabel(groupBy as GroupBy) })),
    definitions: FIGURE_KEYS.map((figure) => ({ figure, ...FIGURES[figure] })),
    loss,
    lossDefinitions: LOSS_FIGURE_KEYS.map((figure) => ({ figure, ...LOSS_FIGURES[figure] })),
  };
}

/**
 * Each figure's aggregate over the occurrences: a count or amount over the occurrences its drill-down lists
 * (ofFigure), a median over a stage's days; the rates derive from the counts (withRates).
 */
const COLUMNS = {
  ...(Object.fromEntries(
    LISTABLE_FIGURES.map((f) => [f, figureAggregate(FIGURES[f].unit as 'count' | 'fen', ofFigure(f))]),
  ) as Record<ListableFigure, RawBuilder<unknown>>),
  medianDaysToRegister: medianOf('registered'),
  medianDaysToAccept: medianOf('accepted'),
  medianDaysToSettle: medianOf('settled'),
} satisfies Record<Exclude<Figure, 'acceptanceRate' | 'successRate' | 'deadlineCompliance'>, unknown>;

/**
 * For each breakdown, in one pass: one row per group that has any occurrence, or (for `undefined`) exactly one row,
 * the totals.
 */
export async function aggregate(
  deps: Deps,
  filter: CaseFilter,
  period: Period,
  breakdowns: readonly (GroupBy | undefined)[],
): Promise<{ key: string; figures: Figures }[][]> {
  await refreshOccurrences(deps.db);
  const rows = await aggregateOccurrences(
    deps.db,
    occurrencesCte(filter),
    period,
    breakdowns.map((groupBy) => (groupBy ? groupKey(groupBy) : undefined)),
    COLUMNS,
  );
  return rows.map((breakdown) =>
    breakdown.map(({ key, values: v }) => ({
      key,
      figures: withRates({
        ...v,
        registered: v.registered ?? 0,
        accepted: v.accepted ?? 0,
        notAccepted: v.notAccepted ?? 0,
        settled: v.settled ?? 0,
        failed: v.failed ?? 0,
        deadlinesMet: v.deadlinesMet ?? 0,
        deadlinesMissed: v.deadlinesMissed ?? 0,
        medianDaysToRegister: tenthOfDay(v.medianDaysToRegister),
        medianDaysToAccept: tenthOfDay(v.medianDaysToAccept),
        medianDaysToSettle: tenthOfDay(v.medianDaysToSettle),
      }),
    })),
  );
}

/** Names for the groups' keys: organizations and mediators by name, months and regions as they are, codes by label. */
async function groupLabels(
  deps: Deps,
  groupBy: GroupBy,
  keys: string[],
  organizations: StatisticsScope['organizations'],
): Promise<Map<string, Labels>> {
  const named = keys.filter((k) => k !== '');
  const map = new Map<string, Labels>();
  if (groupBy === 'organization') {
    // The scope already holds every organization the groups can name.
    for (const o of organizations) map.set(o.id, { zh: o.name, en: o.name });
    return map;
  }
  if (groupBy === 'mediator') {
    if (named.length === 0) return map;
    const rows = await deps.db
      .selectFrom('users')
      .select(['id', 'display_name as name'])
      .where('id', 'in', named)
      .execute();
    for (const r of rows) map.set(r.id, { zh: r.name, en: r.name });
    return map;
  }
  for (const k of named)
    map.set(k, groupBy === 'month' || groupBy === 'region' ? { zh: k, en: k } : codedGroupLabel(groupBy, k));
  return map;
}
