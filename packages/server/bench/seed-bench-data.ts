import type pg from 'pg';
import {
  BENCH_SHAPE,
  benchNameSql,
  MEDIATED_STATUSES,
  sqlList,
  statusSql,
  TERMINAL_STATUSES,
  TRACKED_STATUSES,
} from './bench-shape.ts';

const DEMO_FIRMS = [
  'firm-huaxin',
  'firm-dongfang',
  'firm-donghai-fut',
  'firm-pengcheng-fund',
  'firm-xinghe',
  'firm-kangyuan',
];
const FIRM_TYPES = ['securities', 'futures', 'fund', 'listed'] as const;
const FIRM_SUFFIX = { securities: '证券', futures: '期货', fund: '基金管理', listed: '科技' } as const;

/** Transitions so far per status: the compare-and-set version the case would carry. */
const VERSION_OF: Record<string, number> = {
  draft: 1,
  submitted: 2,
  needs_supplement: 3,
  registered: 3,
  consulting: 4,
  accepted: 6,
  not_accepted: 4,
  mediating: 8,
  agreement_pending: 9,
  agreement_effective: 12,
  failed: 9,
  withdrawn: 3,
  terminated: 7,
  performed: 13,
};

const pad = (expr: string, width: number) => `lpad((${expr})::text, ${width}, '0')`;
const { cases, investors, centerMediators, benchFirms, firstSubmission } = BENCH_SHAPE;

async function seedUsers(client: pg.Client, passwordHash: string) {
  await client.query(
    `insert into organizations (id, kind, name, short_name, firm_type)
     select 'firm-b-' || ${pad('n', 3)}, 'firm',
            '基准' || n || '号' || (array[${FIRM_TYPES.map((t) => `'${FIRM_SUFFIX[t]}'`).join(', ')}])[1 + n % 4] || '股份有限公司',
            '基准' || n || '号', (array[${sqlList(FIRM_TYPES)}])[1 + n % 4]
     from generate_series(1, ${benchFirms}) n`,
  );
  await client.query(
    `insert into users (id, username, display_name, password_hash, investor_kind)
     select 'b-inv-' || ${pad('n', 5)}, 'bench_investor_' || ${pad('n', 5)}, ${benchNameSql('n')}, $1,
            case when n % 20 = 0 then 'professional' else 'ordinary' end
     from generate_series(1, ${investors}) n`,
    [passwordHash],
  );
  await client.query(
    `insert into users (id, username, display_name, password_hash, organization_id)
     select 'b-med-' || ${pad('n', 3)}, 'bench_mediator_' || ${pad('n', 3)}, ${benchNameSql('n + 7919')}, $1,
            case when n <= ${centerMediators} then 'ws-' || ${pad('1 + (n - 1) % 35', 2)}
                 when n <= ${centerMediators + 20} then 'org-sac'
                 when n <= ${centerMediators + 40} then 'org-cfa' else 'org-sz-msc' end
     from generate_series(1, ${BENCH_SHAPE.mediators}) n`,
    [passwordHash],
  );
  await client.query(
    `insert into user_roles (user_id, role)
     select id, case when id like 'b-inv-%' then 'investor' else 'mediator' end from users where id like 'b-%'`,
  );
  await client.query(
    `insert into mediator_profiles (user_id, specialties)
     select id, '["证券虚假陈述","适当性管理"]'::jsonb from users where id like 'b-med-%'`,
  );
}

/** Which organization's sequence numbers a case: workstations number under their center. */
const NUMBERING = `case when org like 'ws-%' then 'org-center' else org end`;

const CASES_SQL = `
with draws as (
  select g, random() as r_org, random() as r_ws, random() as r_status, random() as r_med, random() as r_inv,
         random() as r_firm, random() as r_time, random() as r_dur, random() as r_amount, random() as r_track
  from generate_series(1, ${cases}) g
), shaped as (
  select d.*,
    case when r_org < 0.2 then 'org-center'
         when r_org < 0.75 then 'ws-' || ${pad('1 + floor(r_ws * 35)::int', 2)}
         when r_org < 0.87 then 'org-sac' when r_org < 0.95 then 'org-cfa' else 'org-sz-msc' end as org,
    ${statusSql('r_status')} as status,
    1 + floor(r_inv * ${investors})::int as inv,
    $1::timestamptz + r_time * (now() - interval '1 day' - $1::timestamptz) as submitted
  from draws d
), numbered as (
  select s.*, ${NUMBERING} as numbering,
         extract(year from submitted at time zone 'Asia/Shanghai')::int as year,
         case when status = 'draft' then null
              else row_number() over (partition by ${NUMBERING}, status = 'draft',
                                      extract(year from submitted at time zone 'Asia/Shanghai')
                                      order by submitted, g) end as seq
  from shaped s
)
insert into cases (id, case_number, organization_id, applicant_user_id, respondent_org_id, mediator_user_id, status,
  track, version, claim_amount_fen, facts, requests, applicant_name, applicant_investor_kind, submitted_at,
  closed_at, created_at, updated_at)
select gen_random_uuid()::text,
  case when n.seq is null then null
       else '(' || n.year || ')' || o.code || '字第' || ${pad('n.seq + coalesce(q.last, 0)', 6)} || '号' end,
  n.org, 'b-inv-' || ${pad('n.inv', 5)},
  case when r_firm < 0.3 then (array[${sqlList(DEMO_FIRMS)}])[1 + floor(r_firm / 0.3 * 6)::int]
       else 'firm-b-' || ${pad(`1 + floor((r_firm - 0.3) / 0.7 * ${benchFirms})::int`, 3)} end,
  case when n.status not in (${sqlList(MEDIATED_STATUSES)}) then null
       when n.numbering = 'org-center' then 'b-med-' || ${pad(`1 + floor(${centerMediators} * power(r_med, 1.15))::int`, 3)}
       else 'b-med-' || ${pad(`case n.org when 'org-sac' then ${centerMediators + 1} when 'org-cfa' then ${centerMediators + 21} else ${centerMediators + 41} end + floor(r_med * 20)::int`, 3)} end,
  n.status,
  case when n.status in (${sqlList(TRACKED_STATUSES)})
       then (array['simple', 'ordinary', 'small-claim', 'complex'])[1 + floor(r_track * 4)::int] end,
  case n.status ${Object.entries(VERSION_OF)
    .map(([s, v]) => `when '${s}' then ${v}`)
    .join(' ')} end,
  floor(exp(9 + r_amount * 9))::bigint,
  '（基准数据）被申请人在销售产品时未履行适当性义务，导致申请人损失。编号 ' || n.g,
  '请求被申请人赔偿损失。',
  ${benchNameSql('n.inv')}, case when n.inv % 20 = 0 then 'professional' else 'ordinary' end,
  case when n.status = 'draft' then null else n.submitted end,
  case when n.status in (${sqlList(TERMINAL_STATUSES)})
       then n.submitted + r_dur * least(interval '180 days', now() - n.submitted) end,
  n.submitted - interval '20 minutes',
  case when n.status = 'draft' then n.submitted - interval '20 minutes'
       else n.submitted + r_dur * least(interval '180 days', now() - n.submitted) end
from numbered n
join organizations o on o.id = n.numbering
left join case_number_sequences q on q.organization_id = n.numbering and q.year = n.year`;

const EVENTS_SQL = `
insert into case_events (case_id, event, from_status, to_status, actor_user_id, actor_role, actor_name, at, payload)
select id, case when status = 'draft' then 'create' else 'submit' end,
       case when status = 'draft' then null else 'draft' end,
       case when status = 'draft' then 'draft' else 'submitted' end,
       applicant_user_id, 'investor', applicant_name, coalesce(submitted_at, created_at), '{}'::jsonb
from cases where applicant_user_id like 'b-inv-%'`;

// Sequences continue after the highest number issued per numbering organization and year.
const SEQUENCES_SQL = `
insert into case_number_sequences (organization_id, year, last)
select o.id, substring(c.case_number from '^\\((\\d{4})\\)')::int,
       max(substring(c.case_number from '第(\\d+)号')::int)
from cases c join organizations o on o.code = substring(c.case_number from '^\\(\\d{4}\\)(.+)字第')
where c.case_number is not null
group by 1, 2
on conflict (organization_id, year) do update set last = greatest(case_number_sequences.last, excluded.last)`;

export interface SeedTimings {
  usersMs: number;
  casesMs: number;
  eventsMs: number;
  indexesMs: number;
  vacuumMs: number;
  totalMs: number;
}

/**
 * Bulk-loads the benchmark data set in SQL (generate_series): bench firms, investors, mediators, then the cases with
 * gapless numbers per organization and year, one timeline event each, and the sequences. Secondary indexes of the
 * two big tables are dropped during the load and rebuilt after it.
 */
export async function seedBenchData(
  client: pg.Client,
  passwordHash: string,
  log: (line: string) => void,
): Promise<SeedTimings> {
  const started = performance.now();
  let mark = started;
  const lap = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  await client.query(`set work_mem = '256MB'; set maintenance_work_mem = '512MB'`);
  await client.query('select setseed(0.2026)');
  await seedUsers(client, passwordHash);
  const usersMs = lap();
  log(`  users, firms, mediators: ${(usersMs / 1000).toFixed(1)} s`);

  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.tablename in ('cases', 'case_events')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await client.query(`drop index ${index.indexname}`);
  // Foreign keys are satisfied by construction; skipping their per-row triggers makes the load several times faster.
  await client.query('set session_replication_role = replica');
  await client.query(CASES_SQL, [firstSubmission]);
  const casesMs = lap();
  log(`  ${cases.toLocaleString('en')} cases: ${(casesMs / 1000).toFixed(1)} s`);
  await client.query(EVENTS_SQL);
  await client.query(SEQUENCES_SQL);
  await client.query('set session_replication_role = origin');
  const eventsMs = lap();
  log(`  case events and sequences: ${(eventsMs / 1000).toFixed(1)} s`);
  for (const index of indexes) await client.query(index.indexdef);
  const indexesMs = lap();
  log(`  ${indexes.length} secondary indexes rebuilt: ${(indexesMs / 1000).toFixed(1)} s`);
  await client.query('vacuum (analyze) cases, case_events, users, user_roles, organizations');
  const vacuumMs = lap();
  log(`  vacuum analyze: ${(vacuumMs / 1000).toFixed(1)} s`);
  return { usersMs, casesMs, eventsMs, indexesMs, vacuumMs, totalMs: performance.now() - started };
}
