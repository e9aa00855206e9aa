import type { Labels } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import {
  COURT_FIGURE_KEYS,
  COURT_FIGURES,
  COURT_KIND_LABELS,
  type CourtFigure,
  type CourtFigures,
  type CourtGroupBy,
  courtSuccessRate,
  LISTABLE_COURT_FIGURES,
  type ListableCourtFigure,
} from '@sutiao/domain/statistics/court-figures.ts';
import type { FigureDefinition } from '@sutiao/domain/statistics/figures.ts';
import type { Period } from '@sutiao/domain/statistics/period.ts';
import type { RawBuilder } from 'kysely';
import type { Deps, SignedInContext } from '../../../deps.ts';
import {
  aggregateOccurrences,
  figureAggregate,
  medianOf,
  tenthOfDay,
} from '../../common/statistics/aggregate-occurrences.ts';
import { courtGroupKey, courtOccurrencesCte, ofCourtFigure } from './court-occurrences.ts';
import {
  type Court,
  type CourtStatisticsQuery,
  resolveCourtStatisticsQuery,
} from './court-statistics-scope.ts';

export interface CourtStatistics {
  period: Period;
  /** The courts the reader counts: their own and every court under it (a high court's, the SPC's). */
  courts: Court[];
  groupBy: CourtGroupBy | null;
  totals: CourtFigures;
  groups: { key: string; label: Labels; figures: CourtFigures }[];
  definitions: ({ figure: CourtFigure } & FigureDefinition)[];
}

/** Each figure's aggregate: over the occurrences its drill-down lists (ofCourtFigure), or a stage's median. */
const COLUMNS = {
  ...(Object.fromEntries(
    LISTABLE_COURT_FIGURES.map((f) => [
      f,
      figureAggregate(COURT_FIGURES[f].unit as 'count' | 'fen', ofCourtFigure(f)),
    ]),
  ) as Record<ListableCourtFigure, RawBuilder<unknown>>),
  medianDaysToSettle: medianOf('settled'),
} satisfies Record<Exclude<CourtFigure, 'successRate'>, unknown>;

/**
 * The court figures for a court administrator: a basic or intermediate court its own, a high court its own and its
 * courts', the SPC every court's; in total and by month, court, mediation organization or kind.
 */
export async function getCourtStatistics(
  deps: Deps,
  ctx: SignedInContext,
  query: CourtStatisticsQuery,
): Promise<CourtStatistics> {
  const { period, filter, courts, groupBy } = await resolveCourtStatisticsQuery(deps, ctx, query);
  const cte = courtOccurrencesCte(filter);
  const figures = (v: Record<Exclude<CourtFigure, 'successRate'>, number | null>): CourtFigures => ({
    ...v,
    successRate: courtSuccessRate(v.settled ?? 0, v.failed ?? 0),
    medianDaysToSettle: tenthOfDay(v.medianDaysToSettle),
  });
  const [[total] = [], groups = []] = await aggregateOccurrences(
    deps.db,
    cte,
    period,
    groupBy ? [undefined, courtGroupKey(groupBy)] : [undefined],
    COLUMNS,
  );
  const labels = groupBy
    ? await courtGroupLabels(
        deps,
        groupBy,
        courts,
        groups.map((g) => g.key),
      )
    : new Map<string, Labels>();
  return {
    period,
    courts,
    groupBy: groupBy ?? null,
    totals: figures((total as { values: Record<Exclude<CourtFigure, 'successRate'>, number | null> }).values),
    groups: groups.map((g) => ({
      key: g.key,
      label: labels.get(g.key) ?? { zh: g.key || '（未指定）', en: g.key || '(none)' },
      figures: figures(g.values),
    })),
    definitions: COURT_FIGURE_KEYS.map((figure) => ({ figure, ...COURT_FIGURES[figure] })),
  };
}

async function courtGroupLabels(
  deps: Deps,
  groupBy: CourtGroupBy,
  courts: Court[],
  keys: string[],
): Promise<Map<string, Labels>> {
  if (groupBy === 'court') return new Map(courts.map((c) => [c.id, { zh: c.name, en: c.name }]));
  if (groupBy === 'kind') return new Map(Object.entries(COURT_KIND_LABELS));
  const named = keys.filter((k) => k !== '');
  if (groupBy === 'organization' && named.length > 0) {
    // Only the organizations the groups name, not every court case's.
    const rows = await deps.db
      .selectFrom('court_cases')
      .select(['organization_id', (eb) => eb.fn.max('organization_name').as('name')])
      .where(
        'court_id',
        'in',
        courts.map((c) => c.id),
      )
      .where('organization_id', 'in', named)
      .groupBy('organization_id')
      .execute();
    return new Map(rows.map((r) => [r.organization_id ?? '', { zh: r.name ?? '', en: r.name ?? '' }]));
  }
  return new Map();
}
