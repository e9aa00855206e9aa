import { type RawBuilder, sql } from 'kysely';
import type { GroupBy } from '@sutiao/domain/statistics/dimensions.ts';
import type { ListableFigure } from '@sutiao/domain/statistics/figures.ts';
import { beijingDay as day, daysBetween, monthKey } from '../../common/statistics/aggregate-occurrences.ts';

/** Which cases a statistics request covers: the reader's organizations, narrowed by the filters. */
export interface CaseFilter {
  organizationIds: readonly string[];
  mediatorId?: string;
  track?: string;
  source?: string;
  sector?: string;
  region?: string;
  /** Today in Beijing (the platform's clock): a deadline still running today is neither met nor missed yet. */
  today: string;
}

/** The columns of an occurrence row, in the order of table case_occurrences (migration 020). */
export const OCCURRENCE_COLUMNS = [
  'case_id',
  'case_number',
  'status',
  'organization_id',
  'organization_name',
  'region',
  'mediator_user_id',
  'track',
  'source',
  'sector',
  'claim_amount_fen',
  'submitted_at',
  'figure',
  'day',
  'amount',
  'days',
  'pending',
] as const;

/**
 * The events the figures count, one row per case and event ("occurrence"), each dated by its own day in Beijing
 * time: registered, accepted, notAccepted, settled, failed (from the case timeline), paid (one per payment),
 * confirmationsSubmitted and confirmationsConfirmed (from the confirmation applications), deadlinesMet and
 * deadlinesMissed (a deadline's outcome; `pending` while it still runs, when it counts as missed only from the day
 * after its last day). A row carries the case's attributes (for grouping and filtering), an amount (the claim on
 * acceptance, the payment) and the days the stage took (for the medians).
 *
 * This is the definition of every figure. It is computed for the given cases into table case_occurrences
 * (refresh-occurrences.ts), which every figure and drill-down reads (occurrencesCte), so a figure always equals the
 * list behind it and both equal this query run directly.
 */
export function computedOccurrencesCte(caseIds: readonly string[]): RawBuilder<unknown> {
  return sql`
    scoped as (
      select c.id as case_id, c.case_number, c.status, c.organization_id, o.name as organization_name, o.region,
             c.mediator_user_id, c.track, c.source, r.firm_type as sector, c.claim_amount_fen, c.submitted_at
      -- The ids joined as rows: an IN list is rechecked by a linear search per case.
      from (values ${sql.join(caseIds.map((id) => sql`(${id})`))}) as batch (id)
      join cases c on c.id = batch.id
      join organizations o on o.id = c.organization_id
      join organizations r on r.id = c.respondent_org_id
    ),
    milestones as (
      -- Per case through its timeline index (a batch is a small share of all cases).
      select s.case_id, m.*
      from scoped s
      cross join lateral (
        select
          min(e.at) filter (where e.event in ('register', 'court-delegate', 'court-entrust')) as registered_at,
          min(e.at) filter (where e.event in ('accept', 'sign-for-receipt')) as accepted_at,
          min(e.at) filter (where e.event in ('refuse', 'decline')) as not_accepted_at,
          min(e.at) filter (where e.to_status = 'agreement_effective') as settled_at,
          min(e.at) filter (where e.to_status = 'failed') as failed_at
        from case_events e
        where e.case_id = s.case_id
      ) m
    ),
    deadline_starts as (
      -- A deadline starts where a transition set it running; a self-transition that kept it is not a new one.
      select e.case_id, e.id, e.to_status, e.deadline_date::date as due
      from (
        select e.*, lag(e.to_status) over w as prev_status, lag(e.deadline_date) over w as prev_due
        from case_events e
        join scoped s on s.case_id = e.case_id
        window w as (partition by e.case_id order by e.id)
      ) e
      where e.deadline_date is not null
        and not (e.prev_status is not distinct from e.to_status and e.prev_due is not distinct from e.deadline_date)
    ),
    deadline_outcomes as (
      -- Its outcome is the next step: the case leaving the state, or a new deadline replacing it (an extension).
      -- Without a next step the deadline still runs (pending): missed from the day after its last day.
      select d.case_id,
        case when n.at is not null and ${day(sql`n.at`)} <= d.due then 'deadlinesMet' else 'deadlinesMissed' end as figure,
        case when n.at is not null and ${day(sql`n.at`)} <= d.due then ${day(sql`n.at`)} else d.due + 1 end as day,
        n.at is null as pending
      from deadline_starts d
      left join lateral (
        select min(n.at) as at from case_events n
        where n.case_id = d.case_id and n.id > d.id
          and (n.from_status is distinct from n.to_status or n.deadline_date is distinct from d.due::text)
      ) n on true
    ),
    occurrences as (
      select s.*, x.figure, x.day, x.amount, x.days, false as pending
      from scoped s
      join milestones m on m.case_id = s.case_id
      cross join lateral (values
        ('registered', ${day(sql`m.registered_at`)}, 0::bigint,
          case when s.source = 'direct' then ${daysBetween(sql`s.submitted_at`, sql`m.registered_at`)} end),
        ('accepted', ${day(sql`m.accepted_at`)}, s.claim_amount_fen, ${daysBetween(sql`m.registered_at`, sql`m.accepted_at`)}),
        ('notAccepted', ${day(sql`m.not_accepted_at`)}, 0::bigint, null::float8),
        ('settled', ${day(sql`m.settled_at`)}, 0::bigint, ${daysBetween(sql`m.accepted_at`, sql`m.settled_at`)}),
        ('failed', ${day(sql`m.failed_at`)}, 0::bigint, null::float8)
      ) as x (figure, day, amount, days)
      where x.day is not null
      union all
      select s.*, 'paid', p.paid_at::date, p.amount_fen, null::float8, false
      from scoped s
      join case_payments p on p.case_id = s.case_id
      union all
      select s.*, 'confirmationsSubmitted', ${day(sql`ev.at`)}, 0::bigint, null::float8, false
      from scoped s
      join confirmation_applications a on a.case_id = s.case_id
      join (
        select application_id, min(at) as at from confirmation_application_events
        where to_status = 'submitted' group by application_id
      ) ev on ev.application_id = a.id
      union all
      select s.*, 'confirmationsConfirmed', ${day(sql`a.closed_at`)}, 0::bigint, null::float8, false
      from scoped s
      join confirmation_applications a on a.case_id = s.case_id
      where a.decision = 'confirmed' and a.closed_at is not null
      union all
      select s.*, d.figure, d.day, 0::bigint, null::float8, d.pending
      from scoped s
      join deadline_outcomes d on d.case_id = s.case_id
    )`;
}

/**
 * The occurrences a statistics request counts, as a CTE named `occurrences` over table case_occurrences (brought up
 * to date by refreshOccurrences first): the reader's organizations narrowed by the filters; a deadline still running
 * counts as missed only once the day after its last day has come (filter.today).
 */
export function occurrencesCte(filter: CaseFilter): RawBuilder<unknown> {
  const where = [sql`organization_id in (${sql.join(filter.organizationIds.map((id) => sql`${id}`))})`];
  if (filter.mediatorId) where.push(sql`mediator_user_id = ${filter.mediatorId}`);
  if (filter.track) where.push(sql`track = ${filter.track}`);
  if (filter.source) where.push(sql`source = ${filter.source}`);
  if (filter.sector) where.push(sql`sector = ${filter.sector}`);
  if (filter.region) where.push(sql`region = ${filter.region}`);
  where.push(sql`(not pending or day <= ${filter.today}::date)`);
  return sql`
    occurrences as (
      select case_id as id, case_number, status, organization_id, organization_name, region, mediator_user_id,
             track, source, sector, claim_amount_fen, submitted_at, figure, day, amount, days
      from case_occurrences
      where ${sql.join(where, sql` and `)}
    )`;
}

/** The group an occurrence falls in; the empty string for a case without the attribute (no mediator, no track). */
export function groupKey(groupBy: GroupBy): RawBuilder<string> {
  if (groupBy === 'month') return monthKey;
  const column: Record<Exclude<GroupBy, 'month'>, string> = {
    organization: 'organization_id',
    mediator: `coalesce(mediator_user_id, '')`,
    track: `coalesce(track, '')`,
    source: 'source',
    sector: `coalesce(sector, '')`,
    region: `coalesce(region, '')`,
  };
  return sql<string>`${sql.raw(column[groupBy])}`;
}

/** The occurrences behind each listable figure: which event, and whether only court referrals count. */
export const FIGURE_OCCURRENCE: Record<ListableFigure, { figure: string; courtOnly: boolean }> = {
  registered: { figure: 'registered', courtOnly: false },
  accepted: { figure: 'accepted', courtOnly: false },
  notAccepted: { figure: 'notAccepted', courtOnly: false },
  settled: { figure: 'settled', courtOnly: false },
  failed: { figure: 'failed', courtOnly: false },
  amountInDisputeFen: { figure: 'accepted', courtOnly: false },
  paidFen: { figure: 'paid', courtOnly: false },
  courtReceived: { figure: 'registered', courtOnly: true },
  courtSettled: { figure: 'settled', courtOnly: true },
  confirmationsSubmitted: { figure: 'confirmationsSubmitted', courtOnly: false },
  confirmationsConfirmed: { figure: 'confirmationsConfirmed', courtOnly: false },
  deadlinesMet: { figure: 'deadlinesMet', courtOnly: false },
  deadlinesMissed: { figure: 'deadlinesMissed', courtOnly: false },
};

/** The occurrences of one listable figure. */
export function ofFigure(figure: ListableFigure) {
  const { figure: name, courtOnly } = FIGURE_OCCURRENCE[figure];
  return courtOnly ? sql`figure = ${name} and source <> 'direct'` : sql`figure = ${name}`;
}
