import { sql } from 'kysely';
import type { LossFigure } from '@sutiao/domain/statistics/figures.ts';
import type { Period } from '@sutiao/domain/statistics/period.ts';
import type { Deps } from '../../../deps.ts';

/**
 * The loss assessments issued in the period by the reader's organizations (LOSS_FIGURES): reports, distinct courts,
 * distinct securities, eligible investors and their total loss. Case filters (track, source, …) do not apply: an
 * assessment is a court's entrustment, not a mediation case.
 */
export async function lossFigures(
  deps: Deps,
  organizationIds: readonly string[],
  period: Period,
): Promise<Record<LossFigure, number>> {
  const { rows } = await sql<{
    reports: string;
    courts: string;
    companies: string;
    investors: string;
    amount: string | null;
  }>`
    with issued as (
      select a.id, a.court_org_id, coalesce(a.params ->> 'security', 'assessment:' || a.id) as security
      from loss_reports r
      join loss_assessments a on a.id = r.assessment_id
      where a.organization_id in (${sql.join(organizationIds.map((id) => sql`${id}`))})
        and (r.issued_at at time zone 'Asia/Shanghai')::date between ${period.from}::date and ${period.to}::date
    )
    select
      (select count(*) from issued) as reports,
      (select count(distinct court_org_id) from issued) as courts,
      (select count(distinct security) from issued) as companies,
      (select count(*) from loss_results x join issued i on i.id = x.assessment_id where x.eligible) as investors,
      (select sum(x.total_fen) from loss_results x join issued i on i.id = x.assessment_id where x.eligible) as amount`.execute(
    deps.db,
  );
  const r = rows[0];
  return {
    reports: Number(r?.reports ?? 0),
    courts: Number(r?.courts ?? 0),
    companies: Number(r?.companies ?? 0),
    investors: Number(r?.investors ?? 0),
    amountFen: Number(r?.amount ?? 0),
  };
}
