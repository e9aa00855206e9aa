import { sql } from 'kysely';
import type { Deps } from '../../src/deps.ts';

/** Beijing wall-clock time, `YYYY-MM-DDTHH:MM`; its date part is the day a figure counts it on. */
type Local = string;

export interface StatCase {
  id: string;
  organizationId: string;
  respondentOrgId: string;
  sector: string;
  region: string;
  track: string | null;
  source: 'direct' | 'delegated' | 'entrusted';
  mediatorUsername: string | null;
  claimFen: number;
  submitted: Local | null;
  registered: Local;
  accepted: Local | null;
  notAccepted: Local | null;
  settled: Local | null;
  failed: Local | null;
  payments: { amountFen: number; paidAt: string }[];
  confirmation: { submitted: Local; confirmed: Local | null } | null;
}

const HANDLERS = [
  { id: 'org-center', region: '上海', mediator: null },
  { id: 'ws-10', region: '上海', mediator: 'mediator1' },
  { id: 'ws-23', region: '广东', mediator: 'mediator2' },
  { id: 'org-sac', region: '北京', mediator: null },
] as const;
const RESPONDENTS = [
  { id: 'firm-huaxin', sector: 'securities' },
  { id: 'firm-donghai-fut', sector: 'futures' },
  { id: 'firm-xinghe', sector: 'listed' },
] as const;
const TRACKS = ['simple', 'ordinary', 'small-claim', null] as const;
const SOURCES = ['direct', 'direct', 'delegated', 'direct', 'entrusted'] as const;

const DAY_MS = 86_400_000;
/** A Beijing wall-clock time `days` and `minutes` after 2024-01-01 00:00. */
function local(days: number, minutes: number): Local {
  return new Date(Date.UTC(2024, 0, 1) + days * DAY_MS + minutes * 60_000).toISOString().slice(0, 16);
}
/** The same instant as an ISO timestamp with the Beijing offset, for the database. */
const instant = (t: Local) => `${t}:00+08:00`;

/**
 * A deterministic book of cases across four organizations, three sectors, every track and source, registered over
 * 2024 (some at 00:10 on New Year's Day and 23:30 on New Year's Eve, where UTC and Beijing disagree about the day)
 * and concluding into 2025.
 */
export function statisticsBook(count = 90): StatCase[] {
  const book: StatCase[] = [];
  for (let i = 0; i < count; i++) {
    const handler = HANDLERS[i % HANDLERS.length] as (typeof HANDLERS)[number];
    const respondent = RESPONDENTS[i % RESPONDENTS.length] as (typeof RESPONDENTS)[number];
    const source = SOURCES[i % SOURCES.length] as StatCase['source'];
    const regDay = i === 0 ? 0 : i === 1 ? 365 : (i * 37) % 366;
    const regMinute = i === 0 ? 10 : i === 1 ? 23 * 60 + 30 : 9 * 60 + (i % 50);
    const registered = local(regDay, regMinute);
    const refused = i % 7 === 3;
    const accepted = refused ? null : local(regDay + 1 + (i % 5), 600 + i);
    const outcome = refused ? 'none' : i % 4 === 0 ? 'settled' : i % 4 === 1 ? 'failed' : 'open';
    const concludeDay = regDay + 10 + (i % 11) * 3;
    const settled = outcome === 'settled' ? local(concludeDay, 900) : null;
    const claimFen = 1_000_00 * (1 + (i % 13)) + i;
    book.push({
      id: `stat-${String(i).padStart(3, '0')}`,
      organizationId: handler.id,
      respondentOrgId: respondent.id,
      sector: respondent.sector,
      region: handler.region,
      track: accepted ? (TRACKS[i % TRACKS.length] ?? null) : null,
      source,
      mediatorUsername: accepted ? handler.mediator : null,
      claimFen,
      submitted: source === 'direct' ? local(regDay - (i % 3), 480) : null,
      registered,
      accepted,
      notAccepted: refused ? local(regDay + 2, 700) : null,
      settled,
      failed: outcome === 'failed' ? local(concludeDay, 1000) : null,
      payments: settled
        ? [
            { amountFen: Math.floor(claimFen / 2), paidAt: local(concludeDay + 5, 0).slice(0, 10) },
            ...(i % 8 === 0 ? [{ amountFen: 5_000, paidAt: local(concludeDay + 40, 0).slice(0, 10) }] : []),
          ]
        : [],
      confirmation:
        settled && i % 3 === 0
          ? {
              submitted: local(concludeDay + 3, 600),
              confirmed: i % 6 === 0 ? local(concludeDay + 20, 600) : null,
            }
          : null,
    });
  }
  return book;
}

/** Writes the book as the platform would have: the cases, their timelines, agreements, payments, confirmations. */
export async function seedStatisticsBook(deps: Deps, book: StatCase[]): Promise<void> {
  const users = await deps.db.selectFrom('users').select(['id', 'username']).execute();
  const userId = (username: string) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`no demo user ${username}`);
    return user.id;
  };
  const investor = userId('investor1');
  await deps.db
    .insertInto('docking_peers')
    .values({
      id: 'court-stats-test',
      platform: 'court',
      name: '统计测试法院平台',
      base_url: 'http://127.0.0.1:9',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const c of book) {
    const status = c.settled
      ? 'agreement_effective'
      : c.failed
        ? 'failed'
        : c.notAccepted
          ? c.source === 'direct'
            ? 'not_accepted'
            : 'declined'
          : c.accepted
            ? 'accepted'
            : 'registered';
    await deps.db
      .insertInto('cases')
      .values({
        id: c.id,
        case_number: `统计${c.id}`,
        organization_id: c.organizationId,
        applicant_user_id: investor,
        respondent_org_id: c.respondentOrgId,
        mediator_user_id: c.mediatorUsername ? userId(c.mediatorUsername) : null,
        status,
        track: c.track as never,
        claim_amount_fen: c.claimFen,
        facts: '统计测试',
        requests: '统计测试',
        applicant_name: '统计测试',
        source: c.source,
        submitted_at: c.submitted ? instant(c.submitted) : null,
      } as never)
      .execute();
    const direct = c.source === 'direct';
    const events: [string, string, Local | null][] = [
      ['submit', 'submitted', c.submitted],
      [
        direct ? 'register' : c.source === 'delegated' ? 'court-delegate' : 'court-entrust',
        direct ? 'registered' : 'awaiting_receipt',
        c.registered,
      ],
      [direct ? 'accept' : 'sign-for-receipt', 'accepted', c.accepted],
      [direct ? 'refuse' : 'decline', direct ? 'not_accepted' : 'declined', c.notAccepted],
      ['seal-agreement', 'agreement_effective', c.settled],
      ['fail', 'failed', c.failed],
    ];
    // A transition that changes nothing the figures count, to show they read only the events they define.
    if (c.accepted) events.push(['set-track', 'accepted', c.accepted]);
    for (const [event, to, at] of events) {
      if (!at) continue;
      await deps.db
        .insertInto('case_events')
        .values({
          case_id: c.id,
          event,
          from_status: null,
          to_status: to,
          actor_name: '测试',
          at: instant(at),
          payload: '{}',
        })
        .execute();
    }
    if (!c.settled) continue;
    const agreementId = `${c.id}-agreement`;
    await deps.db
      .insertInto('agreements')
      .values({
        id: agreementId,
        case_id: c.id,
        version: 1,
        case_number: `统计${c.id}`,
        organization_name: c.organizationId,
        investor_name: '统计测试',
        respondent_name: c.respondentOrgId,
        mediator_name: '测试',
        amount_fen: c.claimFen,
        payment_terms: '一次性支付',
        due_date: '2025-12-31',
        text: '统计测试',
        digest_sm3: '0'.repeat(64),
        status: 'effective',
        drafted_by_user_id: investor,
        drafted_at: instant(c.settled),
      } as never)
      .execute();
    for (const [n, p] of c.payments.entries())
      await deps.db
        .insertInto('case_payments')
        .values({
          id: `${c.id}-payment-${n}`,
          case_id: c.id,
          agreement_id: agreementId,
          amount_fen: p.amountFen,
          paid_at: p.paidAt,
          recorded_by_user_id: investor,
          recorded_at: instant(c.settled),
        })
        .execute();
    if (!c.confirmation) continue;
    const applicationId = `${c.id}-confirmation`;
    await sql`
      insert into confirmation_applications (id, case_id, agreement_id, status, applied_by, applicant_user_id,
        court_peer_id, court_id, court_name, court_code, routing_basis, routing_reason, effective_date,
        window_last_day, decision, created_at, updated_at, closed_at)
      values (${applicationId}, ${c.id}, ${agreementId}, ${c.confirmation.confirmed ? 'confirmed' : 'submitted'},
        'investor', ${investor}, 'court-stats-test', 'court-sh74', '上海金融法院', '沪74', 'test', 'test',
        ${c.settled.slice(0, 10)}, ${c.settled.slice(0, 10)}, ${c.confirmation.confirmed ? 'confirmed' : null},
        ${instant(c.confirmation.submitted)}, ${instant(c.confirmation.submitted)},
        ${c.confirmation.confirmed ? instant(c.confirmation.confirmed) : null})`.execute(deps.db);
    for (const [event, to, at] of [
      ['apply', 'awaiting_co_applicant', c.confirmation.submitted],
      ['co-apply', 'submitted', c.confirmation.submitted],
      ['court-confirm', 'confirmed', c.confirmation.confirmed],
    ] as const) {
      if (!at) continue;
      await sql`
        insert into confirmation_application_events (application_id, event, from_status, to_status, actor_name, at)
        values (${applicationId}, ${event}, null, ${to}, '测试', ${instant(at)})`.execute(deps.db);
    }
  }
}

export interface StatAssessment {
  id: string;
  organizationId: string;
  courtOrgId: string;
  security: string | null;
  issued: Local | null;
  /** Total loss in fen of each investor; negative marks an ineligible investor (counted nowhere). */
  results: number[];
}

/** Loss assessments across two organizations and three courts, issued either side of 2024's end (and one not yet). */
export const STAT_ASSESSMENTS: StatAssessment[] = [
  {
    id: 'stat-loss-a',
    organizationId: 'org-center',
    courtOrgId: 'court-sh74',
    security: '600001',
    issued: '2024-03-10T10:00',
    results: [120_000, 35_500, 0, -1],
  },
  {
    id: 'stat-loss-b',
    organizationId: 'org-center',
    courtOrgId: 'court-bj74',
    security: '600001',
    issued: '2024-12-31T23:30',
    results: [99_99],
  },
  {
    id: 'stat-loss-c',
    organizationId: 'org-center',
    courtOrgId: 'court-sh74',
    security: null,
    issued: '2025-01-05T09:00',
    results: [1_000, 2_000],
  },
  {
    id: 'stat-loss-d',
    organizationId: 'org-sac',
    courtOrgId: 'court-gz01',
    security: '000002',
    issued: '2024-06-01T09:00',
    results: [500_000, -1],
  },
  {
    id: 'stat-loss-e',
    organizationId: 'org-center',
    courtOrgId: 'court-gz01',
    security: '300003',
    issued: null,
    results: [7],
  },
];

/** Writes the assessments with their results and, for the issued ones, a report row. */
export async function seedStatisticsAssessments(deps: Deps, assessments = STAT_ASSESSMENTS): Promise<void> {
  const analyst = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'analyst1')
    .executeTakeFirstOrThrow();
  for (const a of assessments) {
    const at = instant(a.issued ?? '2024-01-15T09:00');
    await deps.db
      .insertInto('loss_assessments')
      .values({
        id: a.id,
        case_number: `(2024)统计${a.id}号`,
        court_org_id: a.courtOrgId,
        court_name: a.courtOrgId,
        entrusted_on: '2024-01-02',
        organization_id: a.organizationId,
        status: a.issued ? 'issued' : 'calculated',
        params: JSON.stringify(a.security ? { security: a.security } : {}),
        created_by_user_id: analyst.id,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    for (const [n, total] of a.results.entries())
      await deps.db
        .insertInto('loss_results')
        .values({
          assessment_id: a.id,
          investor_id: `I${n}`,
          eligible: total >= 0,
          reason: total >= 0 ? 'eligible' : 'no-buy-in-window',
          total_fen: Math.max(total, 0),
          row: JSON.stringify({}),
          explanation: JSON.stringify({}),
        } as never)
        .execute();
    if (!a.issued) continue;
    await deps.db
      .insertInto('loss_reports')
      .values({
        id: `${a.id}-report`,
        assessment_id: a.id,
        verification_code: `STAT${a.id.slice(-1).toUpperCase()}0000`,
        content: JSON.stringify({}),
        digest_sm3: '0'.repeat(64),
        algorithm: 'SM2',
        key_id: 'test',
        public_key_pem: 'test',
        signature: 'test',
        pdf_sha256: '0'.repeat(64),
        issued_by_user_id: analyst.id,
        issued_at: at,
      } as never)
      .execute();
  }
}
