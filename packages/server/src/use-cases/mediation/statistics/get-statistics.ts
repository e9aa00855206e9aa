import { sql } from 'kysely';
import type { Labels } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { codedGroupLabel, emptyGroupLabel, type GroupBy } from '@sutiao/domain/statistics/dimensions.ts';
import {
  FIGURE_KEYS,
  FIGURES,
  type Figure,
  type FigureDefinition,
  LOSS_FIGURE_KEYS,
  LOSS_FIGURES,
  type LossFigure,
  type Figures,
  withRates,
} from '@sutiao/domain/statistics/figures.ts';
import type { Period } from '@sutiao/domain/statistics/period.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { lossFigures } from './loss-figures.ts';
import { type CaseFilter, groupKey, inPeriod, occurrencesCte } from './occurrences.ts';
import { resolveStatisticsQuery, type StatisticsQuery } from './statistics-request.ts';

export interface StatisticsGroup {
  key: string;
  label: Labels;
  figures: Figures;
}

export interface Statistics {
  period: Period;
  scope: {
    kind: 'all' | 'organization';
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
 * organization, mediator, track, source, dispute type or region. Computed from the cases' own timelines on every
 * request, so each figure equals the case list behind it (listFigureCases).
 */
export async function getStatistics(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery,
): Promise<Statistics> {
  const { scope, period, filter, groupBy } = await resolveStatisticsQuery(deps, ctx, query);
  const [totals] = await aggregate(deps, filter, period, undefined);
  const loss = await lossFigures(deps, filter.organizationIds, period);
  const groups = groupBy ? await aggregate(deps, filter, period, groupBy) : [];
  const labels = groupBy
    ? await groupLabels(
        deps,
        groupBy,
        groups.map((g) => g.key),
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

interface AggregateRow {
  key: string;
  registered: string;
  accepted: string;
  not_accepted: string;
  settled: string;
  failed: string;
  amount_in_dispute: string | null;
  paid: string | null;
  court_received: string;
  court_settled: string;
  confirmations_submitted: string;
  confirmations_confirmed: string;
  median_register: number | null;
  median_accept: number | null;
  median_settle: number | null;
}

/** One row per group that has any occurrence, or (without groupBy) exactly one row: the totals. */
export async function aggregate(
  deps: Deps,
  filter: CaseFilter,
  period: Period,
  groupBy: GroupBy | undefined,
): Promise<{ key: string; figures: Figures }[]> {
  const key = groupBy ? groupKey(groupBy) : sql<string>`''`;
  const median = (figure: string) =>
    sql`percentile_cont(0.5) within group (order by days) filter (where figure = ${figure} and days is not null)`;
  const { rows } = await sql<AggregateRow>`
    with ${occurrencesCte(filter)}
    select ${key} as key,
      count(*) filter (where figure = 'registered') as registered,
      count(*) filter (where figure = 'accepted') as accepted,
      count(*) filter (where figure = 'notAccepted') as not_accepted,
      count(*) filter (where figure = 'settled') as settled,
      count(*) filter (where figure = 'failed') as failed,
      sum(amount) filter (where figure = 'accepted') as amount_in_dispute,
      sum(amount) filter (where figure = 'paid') as paid,
      count(*) filter (where figure = 'registered' and source <> 'direct') as court_received,
      count(*) filter (where figure = 'settled' and source <> 'direct') as court_settled,
      count(*) filter (where figure = 'confirmationsSubmitted') as confirmations_submitted,
      count(*) filter (where figure = 'confirmationsConfirmed') as confirmations_confirmed,
      ${median('registered')} as median_register,
      ${median('accepted')} as median_accept,
      ${median('settled')} as median_settle
    from occurrences
    where ${inPeriod(period)}
    ${groupBy ? sql`group by 1 order by 1` : sql``}`.execute(deps.db);
  return rows.map((r) => ({
    key: r.key,
    figures: withRates({
      registered: Number(r.registered),
      accepted: Number(r.accepted),
      notAccepted: Number(r.not_accepted),
      settled: Number(r.settled),
      failed: Number(r.failed),
      amountInDisputeFen: Number(r.amount_in_dispute ?? 0),
      paidFen: Number(r.paid ?? 0),
      courtReceived: Number(r.court_received),
      courtSettled: Number(r.court_settled),
      confirmationsSubmitted: Number(r.confirmations_submitted),
      confirmationsConfirmed: Number(r.confirmations_confirmed),
      medianDaysToRegister: oneDecimal(r.median_register),
      medianDaysToAccept: oneDecimal(r.median_accept),
      medianDaysToSettle: oneDecimal(r.median_settle),
    }),
  }));
}

const oneDecimal = (days: number | null) => (days === null ? null : Math.round(Number(days) * 10) / 10);

/** Names for the groups' keys: organizations and mediators by name, months and regions as they are, codes by label. */
async function groupLabels(deps: Deps, groupBy: GroupBy, keys: string[]): Promise<Map<string, Labels>> {
  const named = keys.filter((k) => k !== '');
  const map = new Map<string, Labels>();
  if (groupBy === 'organization' || groupBy === 'mediator') {
    if (named.length === 0) return map;
    const rows =
      groupBy === 'organization'
        ? await deps.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', named).execute()
        : await deps.db
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
