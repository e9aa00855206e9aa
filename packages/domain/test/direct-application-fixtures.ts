import type {
  DirectCaseFacts,
  DirectContext,
  DirectEventInput,
  DirectParty,
} from '../src/lifecycles/direct-application-context.ts';
import type { DirectEvent } from '../src/lifecycles/direct-application-codes.ts';
import type { Actor } from '../src/permissions.ts';
import { systemActor } from '../src/system-actors.ts';

function mediationActor(userId: string, role: Actor['roles'][number], organizationId: string | null): Actor {
  return { userId, roles: [role], organizationId, platform: 'mediation' };
}

export const ACTORS = {
  investor: mediationActor('u-investor', 'investor', null),
  agent: mediationActor('u-agent', 'agent', null),
  respondent: mediationActor('u-firm-staff', 'respondent', 'org-firm'),
  mediator: mediationActor('u-mediator', 'mediator', 'org-center'),
  orgAdmin: mediationActor('u-admin', 'org_admin', 'org-center'),
  otherInvestor: mediationActor('u-someone', 'investor', null),
  otherFirmStaff: mediationActor('u-other-firm', 'respondent', 'org-other-firm'),
  otherMediator: mediationActor('u-mediator-2', 'mediator', 'org-center'),
  otherOrgAdmin: mediationActor('u-admin-2', 'org_admin', 'org-other-center'),
  regulator: mediationActor('u-regulator', 'regulator', null),
  courtLink: systemActor('courtLink', 'mediation'),
  scheduler: systemActor('scheduler', 'mediation'),
} as const satisfies Record<string, Actor>;

export const PARTY_ACTOR: Record<DirectParty, Actor> = {
  applicant: ACTORS.investor,
  respondent: ACTORS.respondent,
  mediator: ACTORS.mediator,
  org_admin: ACTORS.orgAdmin,
  court_link: ACTORS.courtLink,
  scheduler: ACTORS.scheduler,
};

export function caseFacts(overrides: Partial<DirectCaseFacts> = {}): DirectCaseFacts {
  return {
    applicantUserId: 'u-investor',
    agentUserId: 'u-agent',
    respondentOrgId: 'org-firm',
    organizationId: 'org-center',
    mediatorUserId: 'u-mediator',
    recusedMediatorUserIds: [],
    track: 'ordinary',
    applicationComplete: true,
    respondentIsSecuritiesFirm: false,
    applicantIsOrdinaryInvestor: true,
    respondentReply: null,
    mediatorChoices: { investor: null, respondent: null },
    signatures: { investor: false, respondent: false, mediator: false },
    agreementAmountFen: 1_000_000,
    agreementDueDate: '2026-03-31',
    paidFen: 0,
    source: 'direct',
    courtDeadlineDate: null,
    ...overrides,
  };
}

export function context(
  actor: Actor,
  facts: Partial<DirectCaseFacts> = {},
  input?: DirectEventInput,
): DirectContext {
  return input ? { actor, case: caseFacts(facts), input } : { actor, case: caseFacts(facts) };
}

const ALL_SIGNED = { investor: true, respondent: true, mediator: true };
/** A case a court delegated, with the court's period. */
const REFERRED: Partial<DirectCaseFacts> = { source: 'delegated', courtDeadlineDate: '2026-06-30' };

/** For each event: case facts and a body that satisfy all its guards. */
export const SATISFYING: Record<DirectEvent, { facts?: Partial<DirectCaseFacts>; input?: DirectEventInput }> =
  {
    submit: {},
    'request-supplement': { input: { note: '请补充交易流水' } },
    supplement: {},
    register: {},
    'consult-respondent': {},
    'respondent-reply': { input: { willing: true } },
    accept: { facts: { respondentReply: 'willing' } },
    refuse: { input: { reasonCode: 'outside-scope', note: '非证券纠纷' } },
    'set-track': { facts: { track: null }, input: { track: 'small-claim' } },
    'assign-mediator': { input: { mediatorId: 'u-mediator' } },
    'choose-mediator': { input: { mediatorId: 'u-mediator' } },
    recuse: { input: { reason: '与当事人有利害关系' } },
    'draft-agreement': { input: { amountFen: 1_000_000, dueDate: '2026-03-31', paymentTerms: '一次性支付' } },
    'sign-agreement': {},
    'seal-agreement': { facts: { signatures: ALL_SIGNED } },
    fail: { input: { reasonCode: 'amount-gap' } },
    withdraw: {},
    terminate: { input: { reason: '申请人失联' } },
    'record-payment': { input: { amountFen: 1_000_000 } },
    'sign-for-receipt': { facts: REFERRED },
    decline: { facts: REFERRED, input: { reasonCode: 'no-capacity' } },
    extend: { facts: REFERRED, input: { days: 10, note: '双方当事人电话同意延长十日' } },
    'court-withdraw': { facts: REFERRED },
    expire: { facts: REFERRED },
  };
