import type pg from 'pg';

/**
 * The issue-2 data set gives each case one timeline entry (its submission). The statistics count milestones, so this
 * adds the entries a case in its status has passed through, spread between submission and its last change:
 * registration, acceptance (with the 30-day mediation deadline it sets running) or refusal, assignment, then
 * agreement, failure or performance. Loaded with triggers off, like the rest of the bulk data; every case is then
 * marked for the statistics' occurrences to be computed on the first read.
 */
const TIMELINE_SQL = `
insert into case_events (case_id, event, from_status, to_status, actor_user_id, actor_role, actor_name, at, payload,
  deadline_kind, deadline_date)
select c.id, x.event, x.from_status, x.to_status, null, 'system', '基准数据',
       c.submitted_at + x.share * (greatest(c.updated_at, c.submitted_at + interval '1 hour') - c.submitted_at),
       '{}'::jsonb, x.deadline_kind,
       case when x.deadline_kind is not null then to_char(((c.submitted_at + x.share * (greatest(c.updated_at,
         c.submitted_at + interval '1 hour') - c.submitted_at)) at time zone 'Asia/Shanghai')::date + 30, 'YYYY-MM-DD') end
from cases c
cross join lateral (values
  (0.1, 'register', 'submitted', 'registered', null, c.status not in ('draft', 'submitted', 'needs_supplement')),
  (0.2, 'accept', 'consulting', 'accepted', 'mediation',
     c.status in ('accepted', 'mediating', 'agreement_pending', 'agreement_effective', 'failed', 'terminated', 'performed')),
  (0.2, 'refuse', 'consulting', 'not_accepted', null, c.status = 'not_accepted'),
  (0.3, 'assign', 'accepted', 'mediating', 'mediation',
     c.status in ('mediating', 'agreement_pending', 'agreement_effective', 'failed', 'performed')),
  (0.8, 'seal', 'agreement_pending', 'agreement_effective', null, c.status in ('agreement_effective', 'performed')),
  (1.0, 'fail', 'mediating', 'failed', null, c.status = 'failed'),
  (1.0, 'perform', 'agreement_effective', 'performed', null, c.status = 'performed')
) as x (share, event, from_status, to_status, deadline_kind, applies)
where c.applicant_user_id like 'b-inv-%' and c.submitted_at is not null and x.applies`;

/** Adds the milestone entries; returns how many were written. */
export async function seedStatisticsTimeline(client: pg.Client): Promise<number> {
  await client.query('set session_replication_role = replica');
  try {
    const result = await client.query(TIMELINE_SQL);
    // The triggers that mark changed cases were off: mark every case, as migration 020 does for existing ones.
    await client.query(
      'insert into statistics_dirty_cases (case_id) select id from cases on conflict (case_id) do nothing',
    );
    return result.rowCount ?? 0;
  } finally {
    await client.query('set session_replication_role = origin');
    await client.query('vacuum (analyze) case_events');
  }
}
