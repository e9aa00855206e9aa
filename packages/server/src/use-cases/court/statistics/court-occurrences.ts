import { type RawBuilder, sql } from 'kysely';
import type { CourtGroupBy, ListableCourtFigure } from '@sutiao/domain/statistics/court-figures.ts';
import { beijingDay as day, daysBetween, monthKey } from '../../common/statistics/aggregate-occurrences.ts';

export interface CourtCaseFilter {
  courtIds: readonly string[];
  organizationId?: string;
  kind?: string;
}

/** Which event of a court case's timeline each court figure counts. */
const FIGURE_OF_EVENT = sql`case
  when e.event = 'delegate' then 'delegated'
  when e.event = 'entrust' then 'entrusted'
  when e.event = 'receive' then 'received'
  when e.event = 'decline' then 'declined'
  when e.event = 'report-settled' then 'settled'
  when e.event in ('report-failed', 'report-expired', 'expire') then 'failed'
  when e.event = 'file' then 'filed'
  when e.event = 'issue-document' then 'mediationDocuments'
  when e.event = 'receive-application' then 'confirmationsReceived'
  when e.event = 'confirm' then 'confirmed'
  when e.event = 'reject' then 'confirmationsRejected'
end`;

/**
 * The court platform's occurrences (see aggregate-occurrences.ts): one row per court case and counted event of its
 * timeline, dated on its Beijing day, with the claim on delegation or entrustment as its amount and, on a settlement,
 * the days since the case was referred.
 */
export function courtOccurrencesCte(filter: CourtCaseFilter): RawBuilder<unknown> {
  const where = [sql`c.court_id in (${sql.join(filter.courtIds.map((id) => sql`${id}`))})`];
  if (filter.organizationId) where.push(sql`c.organization_id = ${filter.organizationId}`);
  if (filter.kind) where.push(sql`c.kind = ${filter.kind}`);
  return sql`
    scoped as (
      select c.id, c.kind, c.status, c.court_id, o.name as court_name, c.organization_id, c.organization_name,
             c.claim_amount_fen, coalesce(c.filing_number, c.pre_filing_number) as case_number
      from court_cases c
      join organizations o on o.id = c.court_id
      where ${sql.join(where, sql` and `)}
    ),
    counted as (
      select s.*, ${FIGURE_OF_EVENT} as figure, e.at
      from scoped s
      join court_case_events e on e.case_id = s.id
    ),
    occurrences as (
      select k.*, ${day(sql`k.at`)} as day,
        case when k.figure in ('delegated', 'entrusted') then k.claim_amount_fen else 0 end::bigint as amount,
        case when k.figure = 'settled' then ${daysBetween(
          sql`(select min(r.at) from court_case_events r where r.case_id = k.id and r.event in ('delegate', 'entrust'))`,
          sql`k.at`,
        )} end as days
      from counted k
      where k.figure is not null
    )`;
}

export function courtGroupKey(groupBy: CourtGroupBy): RawBuilder<string> {
  if (groupBy === 'month') return monthKey;
  const column = { court: 'court_id', organization: `coalesce(organization_id, '')`, kind: 'kind' }[groupBy];
  return sql<string>`${sql.raw(column)}`;
}

/** The occurrences behind a listable court figure. */
export function ofCourtFigure(figure: ListableCourtFigure) {
  return figure === 'claimAmountFen' ? sql`figure in ('delegated', 'entrusted')` : sql`figure = ${figure}`;
}
