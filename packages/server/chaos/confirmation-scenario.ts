import { DEMO_PASSWORD } from '../src/platform/seed/demo-users.ts';
import type { UserSession } from './api-client.ts';
import { type Detail, type OperationLog, waitFor } from './operations.ts';
import type { Random } from './random.ts';

/** The users of a judicial confirmation (lifecycle D), signed in on their own platform. */
export interface ConfirmationActors {
  /** Mediation platform: the parties (investor1, firm_huaxin), the center's mediator and administrator. */
  investor: UserSession;
  firm: UserSession;
  mediator: UserSession;
  centerAdmin: UserSession;
  /** mediator1's user id (the center assigns them). */
  mediatorId: string;
  /** Court platform: 黄浦法院's filing officer and judge (investor1's domicile: the competent basic court). */
  filingOfficer: UserSession;
  judge: UserSession;
  judgeId: string;
}

/** The court the parties apply to, and the one whose staff the actors are. */
export const CONFIRMATION_COURT = 'court-sh-hp';

/**
 * What happens to the application once both parties have applied. The campaign cycles through them so that even a
 * short run sends each of the six confirmation messages.
 */
export const CONFIRMATION_PLANS = [
  'supplement-then-confirm',
  'withdraw-submitted',
  'reject',
  'refuse-then-again',
  'withdraw-under-review',
  'confirm',
  'withdraw-at-once',
] as const;
export type ConfirmationPlan = (typeof CONFIRMATION_PLANS)[number];

/** How long a user waits to see the other platform's message (faults and a restart included). */
const LINK_WAIT_MS = 180_000;

const dueDate = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

type Side = 'investor' | 'respondent';
const other = (side: Side): Side => (side === 'investor' ? 'respondent' : 'investor');

/**
 * One judicial confirmation from a direct application to the court's end of it, through both platforms' HTTP APIs:
 * investor1's application against 华信证券 is mediated at the center to an effective agreement (no link), one party
 * applies and the other joins (confirmation.apply), and 黄浦法院 accepts (confirmation.acceptance) or refuses, asks
 * for supplements (confirmation.supplement-request) that the addressed party answers (confirmation.supplement),
 * and rules (confirmation.ruling) — or the parties withdraw (confirmation.withdrawal). Each side acts on what it
 * sees of the other's messages. `amountFen` is unique per case: the agreement's amount is how the court's list tells
 * the application apart.
 */
export async function runConfirmationCase(
  log: OperationLog,
  actors: ConfirmationActors,
  random: Random,
  amountFen: number,
  plan: ConfirmationPlan,
): Promise<void> {
  const { investor, firm, mediator, centerAdmin: admin, filingOfficer: filing, judge } = actors;
  const party = (side: Side) => (side === 'investor' ? investor : firm);

  // Lifecycle A: a direct application, mediated at the center to an effective agreement.
  const created = await log.create(investor, '/api/cases', {
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: amountFen + 500_000,
    facts: '2025年3月，被申请人客户经理推荐本人购买高风险产品，未进行适当性评估。',
    requests: '请求赔偿投资损失。',
    evidenceIds: [],
    consents: [
      { kind: 'online-mediation', version: '2026-01' },
      { kind: 'personal-data', version: '2026-01' },
    ],
    submit: true,
  });
  const caseId = created.id as string;
  log.created('mediation', caseId, 'create');
  const casePath = `/api/cases/${caseId}`;
  const caseFire = (
    session: UserSession,
    event: string,
    body: Record<string, unknown>,
    done: (d: Detail) => boolean,
  ) =>
    log.fire({
      session,
      platform: 'mediation',
      caseId,
      event,
      detailPath: casePath,
      eventPath: `${casePath}/${event}`,
      body,
      done,
    });
  const status =
    (...states: string[]) =>
    (d: { status: string } | undefined) =>
      d !== undefined && states.includes(d.status);
  const signed = (d: Detail) =>
    ((d.agreement?.signatures ?? []) as Array<{ signedAt: string | null }>).filter((s) => s.signedAt).length;

  await caseFire(admin, 'register', {}, status('registered', 'consulting'));
  await caseFire(admin, 'consult-respondent', {}, status('consulting'));
  await caseFire(firm, 'respondent-reply', { willing: true }, (d) => d.respondentReply === 'willing');
  await caseFire(admin, 'accept', {}, status('accepted'));
  await caseFire(admin, 'set-track', { track: random.pick(['simple', 'ordinary']) }, (d) => d.track !== null);
  await caseFire(admin, 'assign-mediator', { mediatorId: actors.mediatorId }, status('mediating'));
  await caseFire(
    mediator,
    'draft-agreement',
    { amountFen, paymentTerms: '被申请人一次性银行转账至申请人账户', dueDate: dueDate() },
    status('agreement_pending'),
  );
  for (const [i, who] of [investor, firm, mediator].entries()) {
    await caseFire(who, 'sign-agreement', { password: DEMO_PASSWORD }, (d) => signed(d) > i);
  }
  await caseFire(admin, 'seal-agreement', { password: DEMO_PASSWORD }, status('agreement_effective'));

  // Lifecycle D on the parties' side: the confirmation panel of the case, one application in it.
  const panelPath = `${casePath}/confirmation`;
  const panel = async (session: UserSession = investor) => {
    const answer = await session.get(panelPath);
    if (answer.status !== 200)
      throw new Error(`${panelPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Detail;
  };
  const applicationIn = (id: string) => (p: Detail) =>
    (p.applications as Array<{ id: string }>).find((a) => a.id === id) as Detail;
  const partyFire = (
    side: Side,
    applicationId: string,
    event: string,
    note: string,
    done: (application: Detail) => boolean,
  ) =>
    log.fire({
      session: party(side),
      platform: 'mediation',
      caseId: applicationId,
      event,
      detailPath: panelPath,
      eventPath: `/api/confirmations/${applicationId}/${event}`,
      body: { note },
      view: applicationIn(applicationId),
      done,
    });
  const partiesSee = (applicationId: string, until: (application: Detail) => boolean) =>
    waitFor(investor, panelPath, (p) => until(applicationIn(applicationId)(p)), LINK_WAIT_MS);

  /** One party applies to 黄浦法院 (the first competent court); answers the new application's id. */
  const apply = async (side: Side): Promise<string> => {
    const before = await panel(party(side));
    const court = (before.courts as Array<{ courtId: string }>)[0]?.courtId;
    if (court !== CONFIRMATION_COURT || !before.canApply) {
      throw new Error(`case ${caseId}: cannot apply at ${CONFIRMATION_COURT}: ${JSON.stringify(before)}`);
    }
    const known = new Set((before.applications as Array<{ id: string }>).map((a) => a.id));
    const fresh = (p: Detail) =>
      (p.applications as Array<{ id: string }>).find((a) => !known.has(a.id)) as Detail;
    const answer = await log.fire({
      session: party(side),
      platform: 'mediation',
      caseId,
      event: 'apply',
      detailPath: panelPath,
      eventPath: panelPath,
      body: {
        courtId: court,
        statement: '本人确认调解协议系自愿达成，内容真实，不损害他人利益，申请司法确认。',
      },
      done: (p) => fresh(p) !== undefined,
      recordAs: (p) => fresh(p).id,
    });
    return fresh(answer).id as string;
  };

  /** The court's case of an application, as its filing officer finds it in the list (by the agreement's amount). */
  const seenAtCourt = new Set<string>();
  const arrival = async (): Promise<string> => {
    const found = await waitFor(
      filing,
      '/api/court/cases?kind=confirmation&pageSize=100',
      (list: { items: Array<{ id: string; claimAmountFen: number }> }) =>
        list.items.some((c) => c.claimAmountFen === amountFen && !seenAtCourt.has(c.id)),
      LINK_WAIT_MS,
    );
    const id = (found.items as Array<{ id: string; claimAmountFen: number }>).find(
      (c) => c.claimAmountFen === amountFen && !seenAtCourt.has(c.id),
    )!.id;
    seenAtCourt.add(id);
    return id;
  };
  const courtPath = (id: string) => `/api/court/cases/${id}`;
  const courtFire = (
    session: UserSession,
    id: string,
    event: string,
    body: Record<string, unknown>,
    done: (d: Detail) => boolean,
  ) =>
    log.fire({
      session,
      platform: 'court',
      caseId: id,
      event,
      detailPath: courtPath(id),
      eventPath: `${courtPath(id)}/${event}`,
      body,
      done,
    });
  const courtSees = (id: string, until: (d: Detail) => boolean) =>
    waitFor(filing, courtPath(id), until, LINK_WAIT_MS);
  const countOf = (d: Detail, event: string) =>
    (d.timeline as Array<{ event: string }>).filter((e) => e.event === event).length;

  /** Both parties apply (one applies, the other joins); the court opens its case. Answers both ids. */
  const jointApplication = async (first: Side): Promise<{ application: string; courtCase: string }> => {
    let application = await apply(first);
    if (random.chance(0.15)) {
      // The other party declines to join (nothing reaches the court); the first applies again.
      await partyFire(
        other(first),
        application,
        'co-decline',
        '本方暂不同意共同申请',
        status('co_applicant_declined'),
      );
      application = await apply(first);
    }
    await partyFire(
      other(first),
      application,
      'co-confirm',
      '本方同意共同申请司法确认，协议系自愿达成。',
      status('submitted', 'accepted', 'withdrawn'),
    );
    if (plan === 'withdraw-at-once') {
      // Withdrawn before the court has seen it: the withdrawal follows the application on the link, in order.
      await partyFire(
        random.pick(['investor', 'respondent'] as const),
        application,
        'withdraw',
        '双方已自行履行',
        status('withdrawn'),
      );
      const courtCase = await arrival();
      await courtSees(courtCase, status('withdrawn'));
      return { application, courtCase };
    }
    const courtCase = await arrival();
    return { application, courtCase };
  };

  const accept = async (application: string, courtCase: string) => {
    await courtFire(filing, courtCase, 'accept', {}, status('accepted', 'reviewing'));
    await partiesSee(application, status('accepted'));
    await courtFire(filing, courtCase, 'assign-judge', { judgeId: actors.judgeId }, status('reviewing'));
  };
  const askForSupplement = async (application: string, courtCase: string): Promise<Side> => {
    const of = random.pick(['investor', 'respondent', 'both'] as const);
    await courtFire(
      judge,
      courtCase,
      'request-supplement',
      { of, note: '请说明协议约定的付款账户是否为申请人本人账户。', dueDate: '2099-01-01' },
      status('awaiting_supplement'),
    );
    await partiesSee(application, status('supplement_requested'));
    return of === 'both' ? random.pick(['investor', 'respondent'] as const) : of;
  };
  const rule = async (application: string, courtCase: string, decision: 'confirm' | 'reject') => {
    if (decision === 'confirm') {
      await courtFire(judge, courtCase, 'confirm', { note: '协议系双方自愿达成' }, status('confirmed'));
      await partiesSee(application, status('confirmed'));
    } else {
      await courtFire(
        judge,
        courtCase,
        'reject',
        { groundCode: 'not-voluntary', note: '经询问，一方当事人称非自愿' },
        status('rejected'),
      );
      await partiesSee(application, status('rejected'));
    }
  };

  const first: Side = random.chance(0.7) ? 'investor' : 'respondent';
  const { application, courtCase } = await jointApplication(first);
  switch (plan) {
    case 'withdraw-at-once':
      return;
    case 'withdraw-submitted': {
      await courtSees(courtCase, status('received'));
      await partyFire(
        random.pick(['investor', 'respondent'] as const),
        application,
        'withdraw',
        '双方已自行履行',
        status('withdrawn'),
      );
      await courtSees(courtCase, status('withdrawn'));
      return;
    }
    case 'refuse-then-again': {
      await courtFire(
        filing,
        courtCase,
        'refuse',
        { groundCode: 'other', note: '申请材料不齐全' },
        status('not_accepted'),
      );
      await partiesSee(application, status('not_accepted'));
      const again = await jointApplication(other(first));
      await accept(again.application, again.courtCase);
      await rule(again.application, again.courtCase, 'confirm');
      return;
    }
    case 'reject':
      await accept(application, courtCase);
      await rule(application, courtCase, 'reject');
      return;
    case 'confirm':
      await accept(application, courtCase);
      await rule(application, courtCase, random.chance(0.8) ? 'confirm' : 'reject');
      return;
    case 'supplement-then-confirm': {
      await accept(application, courtCase);
      const answering = await askForSupplement(application, courtCase);
      const before = countOf((await filing.get(courtPath(courtCase))).body, 'receive-supplement');
      await partyFire(
        answering,
        application,
        'answer-supplement',
        '付款账户为申请人本人名下账户。',
        status('accepted'),
      );
      await courtSees(
        courtCase,
        (d) => d.status === 'reviewing' && countOf(d, 'receive-supplement') > before,
      );
      await rule(application, courtCase, random.chance(0.85) ? 'confirm' : 'reject');
      return;
    }
    case 'withdraw-under-review': {
      await accept(application, courtCase);
      if (random.chance(0.6)) await askForSupplement(application, courtCase);
      await partyFire(
        random.pick(['investor', 'respondent'] as const),
        application,
        'withdraw',
        '双方已自行履行完毕',
        status('withdrawn'),
      );
      await courtSees(courtCase, status('withdrawn'));
      return;
    }
  }
}
