import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { CONSENT_KINDS, CURRENT_CONSENTS } from '@sutiao/domain/consents.ts';
import type { DirectEventInput } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { newId } from '../../lib/ids.ts';
import { loadActor } from '../../use-cases/common/auth/load-actor.ts';
import {
  applyCaseTransitionInTrx,
  type CaseChanges,
} from '../../use-cases/mediation/cases/case-transition.ts';
import { submitRequest } from '../../use-cases/mediation/cases/submit-application.ts';
import { CENTER_ID } from './demo-organizations.ts';

/** Roster details of the demo mediators. */
const MEDIATOR_SPECIALTIES: Record<string, string[]> = {
  mediator1: ['证券虚假陈述', '适当性管理', '融资融券'],
  mediator2: ['期货交易', '私募基金'],
  mediator3: ['上市公司', '证券投资咨询'],
};

interface Step {
  by: string;
  event: string;
  input?: DirectEventInput;
  changes?: CaseChanges;
}

interface DemoCase {
  applicant: string;
  respondentOrgId: string;
  claimAmountFen: number;
  facts: string;
  requests: string;
  steps: Step[];
}

const accept: Step[] = [
  { by: 'center_admin', event: 'register' },
  { by: 'center_admin', event: 'consult-respondent' },
];

// Fictional disputes in various states, so every queue has something on first start.
const DEMO_CASES: DemoCase[] = [
  {
    applicant: 'investor1',
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 8_650_000,
    facts: '2025年5月，被申请人营业部员工向本人推荐R5级私募产品，未进行风险测评即办理认购，产品到期亏损。',
    requests: '请求被申请人赔偿本金损失人民币86,500.00元。',
    steps: [{ by: 'investor1', event: 'submit' }],
  },
  {
    applicant: 'investor2',
    respondentOrgId: 'firm-donghai-fut',
    claimAmountFen: 2_130_000,
    facts: '2025年8月，期货公司交易系统故障导致本人平仓指令延迟约十分钟执行，造成额外亏损。',
    requests: '请求被申请人赔偿因系统故障造成的损失人民币21,300.00元。',
    steps: [
      { by: 'investor2', event: 'submit' },
      { by: 'center_admin', event: 'register' },
    ],
  },
  {
    applicant: 'investor1',
    respondentOrgId: 'firm-xinghe',
    claimAmountFen: 15_600_000,
    facts: '被申请人2024年年报存在虚假记载，本人在实施日至揭露日期间买入其股票，揭露后股价大幅下跌。',
    requests: '请求被申请人赔偿投资差额损失、佣金及印花税共计人民币156,000.00元。',
    steps: [{ by: 'investor1', event: 'submit' }, ...accept],
  },
  {
    applicant: 'investor2',
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 4_200_000,
    facts: '被申请人在本人未签署融资融券风险揭示书的情况下开通两融账户，强制平仓导致损失。',
    requests: '请求被申请人赔偿强制平仓损失人民币42,000.00元。',
    steps: [
      { by: 'investor2', event: 'submit' },
      ...accept,
      {
        by: 'firm_huaxin',
        event: 'respondent-reply',
        input: { willing: true },
        changes: { respondent_reply: 'willing' },
      },
      { by: 'center_admin', event: 'accept' },
      { by: 'center_admin', event: 'set-track', input: { track: 'simple' }, changes: { track: 'simple' } },
      { by: 'center_admin', event: 'assign-mediator', input: { mediatorId: 'mediator1' } },
    ],
  },
  {
    applicant: 'investor3',
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 980_000,
    facts: '被申请人投资顾问承诺保本收益，诱导本人频繁交易，产生高额佣金。',
    requests: '请求被申请人退还佣金并赔偿损失人民币9,800.00元。',
    steps: [
      { by: 'investor3', event: 'submit' },
      ...accept,
      {
        by: 'firm_huaxin',
        event: 'respondent-reply',
        input: { willing: true },
        changes: { respondent_reply: 'willing' },
      },
      { by: 'center_admin', event: 'accept' },
    ],
  },
  {
    applicant: 'investor2',
    respondentOrgId: 'firm-xinghe',
    claimAmountFen: 560_000,
    facts: '被申请人重大资产重组公告存在误导性陈述。',
    requests: '请求赔偿损失。',
    steps: [
      { by: 'investor2', event: 'submit' },
      {
        by: 'center_admin',
        event: 'request-supplement',
        input: { note: '请补充交易流水及持仓证明。' },
        changes: { supplement_request: '请补充交易流水及持仓证明。' },
      },
    ],
  },
  {
    applicant: 'investor1',
    respondentOrgId: 'firm-donghai-fut',
    claimAmountFen: 300_000,
    facts: '（草稿）期货居间人违规代客操作。',
    requests: '（草稿）请求赔偿损失人民币3,000.00元。',
    steps: [],
  },
];

/** Seeds mediator profiles and demo cases through the real transition helper, inside the seeding transaction. */
export async function seedDemoCases(deps: Deps, trx: Kysely<DB>): Promise<number> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'investor_kind'])
    .execute();
  const idOf = (username: string) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return user;
  };
  const mediators = Object.entries(MEDIATOR_SPECIALTIES).map(([username, specialties]) => ({
    user_id: idOf(username).id,
    specialties: JSON.stringify(specialties),
  }));
  await trx.insertInto('mediator_profiles').values(mediators).execute();

  const contexts = new Map<string, SignedInContext>();
  const ctxOf = async (username: string): Promise<SignedInContext> => {
    const cached = contexts.get(username);
    if (cached) return cached;
    const profile = await loadActor(trx, idOf(username).id, 'mediation');
    if (!profile) throw new Error(`demo user ${username} cannot act`);
    const ctx = { actor: profile.actor, requestId: 'seed-demo', actorRole: profile.actor.roles[0] ?? null };
    contexts.set(username, ctx);
    return ctx;
  };

  for (const demo of DEMO_CASES) {
    const applicant = idOf(demo.applicant);
    const caseId = newId();
    const now = deps.now();
    await trx
      .insertInto('cases')
      .values({
        id: caseId,
        organization_id: CENTER_ID,
        applicant_user_id: applicant.id,
        agent_user_id: null,
        respondent_org_id: demo.respondentOrgId,
        status: 'draft',
        claim_amount_fen: demo.claimAmountFen,
        facts: demo.facts,
        requests: demo.requests,
        applicant_name: applicant.display_name,
        applicant_investor_kind: applicant.investor_kind,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('consents')
      .values(
        CONSENT_KINDS.map((kind) => ({
          id: newId(),
          user_id: applicant.id,
          case_id: caseId,
          kind,
          version: CURRENT_CONSENTS[kind].version,
          given_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        event: 'create',
        from_status: null,
        to_status: 'draft',
        actor_user_id: applicant.id,
        actor_role: 'investor',
        actor_name: applicant.display_name,
        at: now,
        note: null,
        payload: '{}',
      })
      .execute();
    await appendAudit(
      trx,
      {
        requestId: 'seed-demo',
        actorUserId: applicant.id,
        actorRole: 'investor',
        action: 'case.create',
        targetType: 'case',
        targetId: caseId,
        outcome: 'success',
      },
      now,
    );
    for (const [i, step] of demo.steps.entries()) {
      const ctx = await ctxOf(step.by);
      const version = i + 1;
      if (step.event === 'submit') {
        await applyCaseTransitionInTrx(deps, ctx, trx, submitRequest(deps, caseId, version));
        continue;
      }
      const mediatorId = step.input?.mediatorId ? idOf(step.input.mediatorId).id : undefined;
      const changes = { ...step.changes, ...(mediatorId ? { mediator_user_id: mediatorId } : {}) };
      await applyCaseTransitionInTrx(deps, ctx, trx, {
        caseId,
        event: step.event as 'register',
        expectedVersion: version,
        input: { ...step.input, ...(mediatorId ? { mediatorId } : {}) },
        changes: () => changes,
        note: step.input?.note ?? null,
      });
    }
  }
  return DEMO_CASES.length;
}
