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

/**
 * The events the figures count, one row per case and event ("occurrence"), each dated by its own day in Beijing
 * time: registered, accepted, notAccepted, settled, failed (from the case timeline), paid (one per payment),
 * confirmationsSubmitted and confirmationsConfirmed (from the confirmation applications). A row carries the case's
 * attributes (for grouping and filtering), an amount (the claim on acceptance, the payment) and the days the stage
 * took (for the medians). Every figure and every drill-down list reads this one relation, so a figure always equals
 * the list behind it.
 */
export function occurrencesCte(filter: CaseFilter): RawBuilder<unknown> {
  const where = [sql`c.organization_id in (${sql.join(filter.organizationIds.map((id) => sql`${id}`))})`];
  if (filter.mediatorId) where.push(sql`c.mediator_user_id = ${filter.mediatorId}`);
  if (filter.track) where.push(sql`c.track = ${filter.track}`);
  if (filter.source) where.push(sql`c.source = ${filter.source}`);
  if (filter.sector) where.push(sql`r.firm_type = ${filter.sector}`);
  if (filter.region) where.push(sql`o.region = ${filter.region}`);
  return sql`
    scoped as (
      select c.id, c.case_number, c.status, c.organization_id, o.name as organization_name, o.region,
             c.mediator_user_id, c.track, c.source, r.firm_type as sector, c.claim_amount_fen, c.submitted_at
      from cases c
      join organizations o on o.id = c.organization_id
      join organizations r on r.id = c.respondent_org_id
      where ${sql.join(where, sql` and `)}
    ),
    milestones as (
      select e.case_id,
        min(e.at) filter (where e.event in ('register', 'court-delegate', 'court-entrust')) as registered_at,
        min(e.at) filter (where e.event in ('accept', 'sign-for-receipt')) as accepted_at,
        min(e.at) filter (where e.event in ('refuse', 'decline')) as not_accepted_at,
        min(e.at) filter (where e.to_status = 'agreement_effective') as settled_at,
        min(e.at) filter (where e.to_status = 'failed') as failed_at
      from case_events e
      join scoped s on s.id = e.case_id
      where e.event in ('register', 'court-delegate', 'court-entrust', 'accept', 'sign-for-receipt', 'refuse', 'decline')
         or e.to_status in ('agreement_effective', 'failed')
      group by e.case_id
    ),
    deadline_starts as (
      -- A deadline starts where a transition set it running; a self-transition that kept it is not a new one.
      select e.case_id, e.id, e.to_status, e.deadline_date::date as due
      from (
        select e.*, lag(e.to_status) over w as prev_status, lag(e.deadline_date) over w as prev_due
        from case_events e
        join scoped s on s.id = e.case_id
        window w as (partition by e.case_id order by e.id)
      ) e
      where e.deadline_date is not null
        and not (e.prev_status is not distinct from e.to_status and e.prev_due is not distinct from e.deadline_date)
    ),
    deadline_outcomes as (
      -- Its outcome is the next step: the case leaving the state, or a new deadline replacing it (an extension).
      select d.case_id,
        case when n.at is not null and ${day(sql`n.at`)} <= d.due then 'deadlinesMet' else 'deadlinesMissed' end as figure,
        case when n.at is not null and ${day(sql`n.at`)} <= d.due then ${day(sql`n.at`)} else d.due + 1 end as day
      from deadline_starts d
      left join lateral (
        select min(n.at) as at from case_events n
        where n.case_id = d.case_id and n.id > d.id
          and (n.from_status is distinct from n.to_status or n.deadline_date is distinct from d.due::text)
      ) n on true
      where (n.at is not null and ${day(sql`n.at`)} <= d.due)
         or d.due < ${filter.today}::date
    ),
    occurrences as (
      select s.*, x.figure, x.day, x.amount, x.days
      from scoped s
      join milestones m on m.case_id = s.id
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
      select s.*, 'paid', p.paid_at::date, p.amount_fen, null::float8
      from scoped s
      join case_payments p on p.case_id = s.id
      union all
      select s.*, 'confirmationsSubmitted', ${day(sql`ev.at`)}, 0::bigint, null::float8
      from scoped s
      join confirmation_applications a on a.case_id = s.id
      join (
        select application_id, min(at) as at from confirmation_application_events
        where to_status = 'submitted' group by application_id
      ) ev on ev.application_id = a.id
      union all
      select s.*, 'confirmationsConfirmed', ${day(sql`a.closed_at`)}, 0::bigint, null::float8
      from scoped s
      join confirmation_applications a on a.case_id = s.id
      where a.decision = 'confirmed' and a.closed_at is not null
      union all
      select s.*, d.figure, d.day, 0::bigint, null::float8
      from scoped s
      join deadline_outcomes d on d.case_id = s.id
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
