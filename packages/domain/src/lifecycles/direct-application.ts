import type { Lifecycle, Transition } from './state-machine.ts';
import {
  DIRECT_EVENTS,
  DIRECT_STATES,
  type DirectEvent,
  type DirectState,
} from './direct-application-codes.ts';
import {
  choosingPartyOf,
  DIRECT_PARTIES,
  type DirectContext,
  type DirectParty,
} from './direct-application-context.ts';
import {
  courtPeriod,
  DIRECT_DEADLINES,
  mediationPeriod,
  paymentDeadline,
} from './direct-application-deadlines.ts';
import { DIRECT_GUARDS, type DirectGuard as ApplicationGuard } from './direct-application-guards.ts';
import { REFERRAL_GUARDS, type ReferralGuard, referralRows } from './direct-application-referrals.ts';

/** Every guard of lifecycle A: the application's and the court referrals'. */
export type DirectGuard = ApplicationGuard | ReferralGuard;

type Row = Transition<DirectState, DirectEvent, DirectGuard, DirectParty, DirectContext>;

/** States from which the applicant may still withdraw (anything before the agreement takes effect). */
const PRE_EFFECTIVE_STATES = [
  'draft',
  'submitted',
  'needs_supplement',
  'registered',
  'consulting',
  'accepted',
  'mediating',
  'agreement_pending',
] as const satisfies readonly DirectState[];

/** Open states the organization can see and terminate (drafts are the applicant's own). */
const ORG_TERMINABLE = PRE_EFFECTIVE_STATES.filter((state) => state !== 'draft');

/** Both parties' mediator choices after this choice; equal non-null choices mean the parties agreed. */
function partiesAgreeOnMediator(ctx: DirectContext): boolean {
  const party = choosingPartyOf(ctx);
  const choices = { ...ctx.case.mediatorChoices };
  if (party) choices[party] = ctx.input?.mediatorId ?? null;
  return choices.investor !== null && choices.investor === choices.respondent;
}

function mediationDeadline(ctx: DirectContext) {
  // A court's referral keeps the court's period, whatever the track.
  if (ctx.case.courtDeadlineDate) return courtPeriod(ctx.case.courtDeadlineDate);
  return ctx.case.track ? mediationPeriod(ctx.case.track) : undefined;
}

const TRANSITIONS: readonly Row[] = [
  // Application and registration (登记)
  {
    event: 'submit',
    from: ['draft'],
    to: 'submitted',
    actors: ['applicant'],
    guards: ['complete-application'],
    deadline: DIRECT_DEADLINES.registration,
  },
  {
    event: 'request-supplement',
    from: ['submitted'],
    to: 'needs_supplement',
    actors: ['org_admin'],
    guards: ['note-given'],
    deadline: DIRECT_DEADLINES.supplement,
  },
  {
    event: 'supplement',
    from: ['needs_supplement'],
    to: 'submitted',
    actors: ['applicant'],
    guards: ['complete-application'],
    deadline: DIRECT_DEADLINES.registration,
  },
  {
    event: 'register',
    from: ['submitted'],
    to: 'registered',
    actors: ['org_admin'],
    guards: ['complete-application'],
    deadline: DIRECT_DEADLINES.consultation,
  },
  // One-party application: consult the respondent, then accept (受理) or refuse (不予受理)
  {
    event: 'consult-respondent',
    from: ['registered'],
    to: 'consulting',
    actors: ['org_admin'],
    guards: [],
    deadline: DIRECT_DEADLINES.acceptance,
  },
  {
    event: 'respondent-reply',
    from: ['consulting'],
    to: 'consulting',
    actors: ['respondent'],
    guards: ['respondent-not-yet-replied', 'reply-given'],
  },
  {
    event: 'accept',
    from: ['consulting'],
    to: 'accepted',
    actors: ['org_admin'],
    guards: ['respondent-agrees-or-bound'],
  },
  {
    event: 'refuse',
    from: ['registered', 'consulting'],
    to: 'not_accepted',
    actors: ['org_admin'],
    guards: ['refusal-reason-coded', 'refusal-allowed'],
  },
  // Track and mediator
  { event: 'set-track', from: ['accepted'], to: 'accepted', actors: ['org_admin'], guards: ['track-valid'] },
  {
    event: 'assign-mediator',
    from: ['accepted'],
    to: 'mediating',
    actors: ['org_admin'],
    guards: ['track-set', 'mediator-not-recused'],
    deadline: mediationDeadline,
  },
  {
    event: 'choose-mediator',
    from: ['accepted'],
    // The case moves on only once both parties have chosen the same mediator.
    to: (ctx) => (partiesAgreeOnMediator(ctx) ? 'mediating' : 'accepted'),
    actors: ['applicant', 'respondent'],
    guards: ['is-choosing-party', 'track-set', 'mediator-not-recused'],
    deadline: (ctx) => (partiesAgreeOnMediator(ctx) ? mediationDeadline(ctx) : undefined),
  },
  {
    event: 'recuse',
    from: ['mediating'],
    to: 'accepted',
    actors: ['mediator', 'org_admin'],
    guards: ['reason-given'],
  },
  // Agreement
  {
    event: 'draft-agreement',
    from: ['mediating', 'agreement_pending'],
    to: 'agreement_pending',
    actors: ['mediator'],
    guards: ['agreement-terms-valid', 'no-signatures-yet'],
  },
  {
    event: 'sign-agreement',
    from: ['agreement_pending'],
    to: 'agreement_pending',
    actors: ['applicant', 'respondent', 'mediator'],
    guards: ['not-yet-signed-by-this-party'],
  },
  {
    event: 'seal-agreement',
    from: ['agreement_pending'],
    to: 'agreement_effective',
    actors: ['org_admin'],
    guards: ['all-parties-signed'],
    deadline: (ctx) => (ctx.case.agreementDueDate ? paymentDeadline(ctx.case.agreementDueDate) : undefined),
  },
  // Endings
  {
    event: 'fail',
    from: ['mediating', 'agreement_pending'],
    to: 'failed',
    actors: ['mediator', 'org_admin'],
    guards: ['failure-reason-coded'],
  },
  { event: 'withdraw', from: PRE_EFFECTIVE_STATES, to: 'withdrawn', actors: ['applicant'], guards: [] },
  {
    event: 'terminate',
    from: ORG_TERMINABLE,
    to: 'terminated',
    actors: ['org_admin'],
    guards: ['reason-given'],
  },
  {
    event: 'record-payment',
    from: ['agreement_effective'],
    // Partial payments keep the agreement open; the last one completes performance.
    to: (ctx) =>
      ctx.case.paidFen + (ctx.input?.amountFen ?? 0) >= (ctx.case.agreementAmountFen ?? 0)
        ? 'performed'
        : 'agreement_effective',
    actors: ['applicant', 'respondent', 'org_admin'],
    guards: ['payment-amount-valid'],
  },
  // Court referrals (direct-application-referrals.ts)
  ...referralRows<ApplicationGuard>(),
];

export const DIRECT_APPLICATION: Lifecycle<
  DirectState,
  DirectEvent,
  DirectGuard,
  DirectParty,
  DirectContext
> = {
  name: 'direct-application',
  states: DIRECT_STATES,
  events: DIRECT_EVENTS,
  terminalStates: ['not_accepted', 'failed', 'withdrawn', 'terminated', 'performed', 'declined'],
  guards: { ...DIRECT_GUARDS, ...REFERRAL_GUARDS },
  parties: DIRECT_PARTIES,
  transitions: TRANSITIONS,
};
