import { compareDates, type IsoDate } from '../calendar/dates.ts';
import { type Actor, isAuthorized } from '../permissions.ts';
import type { Labels } from './court-referral.ts';
import type { GuardDefinition, Lifecycle, Transition } from './state-machine.ts';

/**
 * Lifecycle D on the mediation platform: the parties' application for judicial confirmation (司法确认申请, DOMAIN §3D).
 * The application must be joint (民事诉讼法 第二百零五条): one side applies and the other confirms online, which counts
 * as joint, within 30 days of the agreement taking effect — else it lapses, and a declined one ends there. Once
 * submitted it goes to the competent court over the link; the court's decisions come back as system events: accepted
 * or not, supplements asked for (answered by the side they are addressed to), then confirmed or rejected, or withdrawn
 * (by the parties before the ruling, or treated as withdrawn by the court).
 */
export const APPLICATION_STATES = [
  'awaiting_co_applicant',
  'co_applicant_declined',
  'lapsed',
  'submitted',
  'accepted',
  'supplement_requested',
  'confirmed',
  'rejected',
  'not_accepted',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_EVENTS = [
  'co-confirm',
  'co-decline',
  'lapse',
  'withdraw',
  'court-accept',
  'court-refuse',
  'court-request-supplement',
  'answer-supplement',
  'court-confirm',
  'court-reject',
  'court-withdrawn',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, Labels> = {
  awaiting_co_applicant: { zh: '待对方当事人确认共同申请', en: 'Awaiting the other party' },
  co_applicant_declined: { zh: '对方当事人不同意共同申请', en: 'Declined by the other party' },
  lapsed: { zh: '申请期限届满未共同申请', en: 'Lapsed (window closed)' },
  submitted: { zh: '已提交法院（待受理）', en: 'Submitted to the court' },
  accepted: { zh: '法院已受理（审查中）', en: 'Accepted by the court, under review' },
  supplement_requested: { zh: '法院要求补充材料', en: 'Supplements requested' },
  confirmed: { zh: '法院裁定调解协议有效', en: 'Confirmed by the court' },
  rejected: { zh: '法院裁定驳回申请', en: 'Rejected by the court' },
  not_accepted: { zh: '法院不予受理', en: 'Not accepted by the court' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const APPLICATION_EVENT_LABELS: Record<ApplicationEvent, Labels> = {
  'co-confirm': { zh: '确认共同申请', en: 'Join the application' },
  'co-decline': { zh: '不同意共同申请', en: 'Decline to join' },
  lapse: { zh: '申请期限届满', en: 'Window closed' },
  withdraw: { zh: '撤回司法确认申请', en: 'Withdraw the application' },
  'court-accept': { zh: '法院受理', en: 'Accepted by the court' },
  'court-refuse': { zh: '法院不予受理', en: 'Not accepted by the court' },
  'court-request-supplement': { zh: '法院要求补充材料', en: 'Court requests supplements' },
  'answer-supplement': { zh: '提交补充材料', en: 'Submit supplements' },
  'court-confirm': { zh: '法院裁定调解协议有效', en: 'Court confirms the agreement' },
  'court-reject': { zh: '法院裁定驳回申请', en: 'Court rejects the application' },
  'court-withdrawn': { zh: '法院按撤回处理', en: 'Treated as withdrawn by the court' },
};

/**
 * Who fires an application's events: the side that applied, the other side (who must confirm for the application to
 * be joint), either of them, or the system (the link's inbox, a job).
 */
export type ApplicationParty = 'applicant' | 'co-applicant' | 'party' | 'system';

/** The two sides of the mediation agreement: the investor and the respondent (the firm). */
export type ApplicationSide = 'investor' | 'respondent';

/** The application as guards read it. */
export interface ApplicationFacts {
  appliedBy: ApplicationSide;
  /** The last day to apply: 30 days from the agreement's effective date (applicationWindowLastDay). */
  windowLastDay: IsoDate;
  /** The side the court's pending supplement request is addressed to. */
  supplementOf: ApplicationSide | 'both' | null;
}

export interface ApplicationInput {
  note?: string | null;
}

export interface ApplicationContext {
  /** null: the system — a message received over the docking link, or a job. */
  actor: Pick<Actor, 'roles' | 'platform'> | null;
  /** The side of the agreement the actor speaks for (their own, or the firm's); null when none. */
  actorSide: ApplicationSide | null;
  application: ApplicationFacts;
  /** Beijing date of the transition. */
  today: IsoDate;
  input?: ApplicationInput;
}

const mayApply = (ctx: ApplicationContext) =>
  ctx.actor !== null && isAuthorized(ctx.actor, 'confirmation.apply');

export const APPLICATION_PARTIES: Readonly<Record<ApplicationParty, (ctx: ApplicationContext) => boolean>> = {
  applicant: (ctx) => mayApply(ctx) && ctx.actorSide === ctx.application.appliedBy,
  'co-applicant': (ctx) =>
    mayApply(ctx) && ctx.actorSide !== null && ctx.actorSide !== ctx.application.appliedBy,
  party: (ctx) => mayApply(ctx) && ctx.actorSide !== null,
  system: (ctx) => ctx.actor === null,
};

export type ApplicationGuard =
  | 'within-window'
  | 'window-passed'
  | 'note-given'
  | 'supplement-addressed-to-actor';

const hasText = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

export const APPLICATION_GUARDS: Readonly<Record<ApplicationGuard, GuardDefinition<ApplicationContext>>> = {
  'within-window': {
    check: (ctx) => compareDates(ctx.today, ctx.application.windowLastDay) <= 0,
    zh: '已超过调解协议生效之日起三十日的申请期限',
    en: 'the 30 days from the agreement taking effect have passed',
  },
  'window-passed': {
    check: (ctx) => compareDates(ctx.today, ctx.application.windowLastDay) > 0,
    zh: '申请期限尚未届满',
    en: 'the application window is still open',
  },
  'note-given': {
    check: (ctx) => hasText(ctx.input?.note),
    needsInput: true,
    zh: '须填写说明',
    en: 'a note is required',
  },
  'supplement-addressed-to-actor': {
    check: (ctx) => {
      const addressed = ctx.application.supplementOf;
      return addressed === 'both' || (addressed !== null && addressed === ctx.actorSide);
    },
    zh: '法院的补充材料通知不是向您一方发出的',
    en: 'the request for supplements is not addressed to your side',
  },
};

type Row = Transition<
  ApplicationState,
  ApplicationEvent,
  ApplicationGuard,
  ApplicationParty,
  ApplicationContext
>;

const AT_COURT: readonly ApplicationState[] = ['accepted', 'supplement_requested'];

const TRANSITIONS: readonly Row[] = [
  {
    event: 'co-confirm',
    from: ['awaiting_co_applicant'],
    to: 'submitted',
    actors: ['co-applicant'],
    guards: ['within-window'],
  },
  {
    event: 'co-decline',
    from: ['awaiting_co_applicant'],
    to: 'co_applicant_declined',
    actors: ['co-applicant'],
    guards: ['note-given'],
  },
  {
    event: 'lapse',
    from: ['awaiting_co_applicant'],
    to: 'lapsed',
    actors: ['system'],
    guards: ['window-passed'],
  },
  {
    event: 'withdraw',
    from: ['awaiting_co_applicant', 'submitted', ...AT_COURT],
    to: 'withdrawn',
    actors: ['party'],
    guards: ['note-given'],
  },
  { event: 'court-accept', from: ['submitted'], to: 'accepted', actors: ['system'], guards: [] },
  { event: 'court-refuse', from: ['submitted'], to: 'not_accepted', actors: ['system'], guards: [] },
  {
    event: 'court-request-supplement',
    from: ['accepted'],
    to: 'supplement_requested',
    actors: ['system'],
    guards: [],
  },
  {
    event: 'answer-supplement',
    from: ['supplement_requested'],
    to: 'accepted',
    actors: ['party'],
    guards: ['note-given', 'supplement-addressed-to-actor'],
  },
  { event: 'court-confirm', from: AT_COURT, to: 'confirmed', actors: ['system'], guards: [] },
  { event: 'court-reject', from: AT_COURT, to: 'rejected', actors: ['system'], guards: [] },
  {
    event: 'court-withdrawn',
    from: ['submitted', ...AT_COURT],
    to: 'withdrawn',
    actors: ['system'],
    guards: [],
  },
];

export const CONFIRMATION_APPLICATION: Lifecycle<
  ApplicationState,
  ApplicationEvent,
  ApplicationGuard,
  ApplicationParty,
  ApplicationContext
> = {
  name: 'confirmation-application',
  states: APPLICATION_STATES,
  events: APPLICATION_EVENTS,
  terminalStates: ['co_applicant_declined', 'lapsed', 'confirmed', 'rejected', 'not_accepted', 'withdrawn'],
  guards: APPLICATION_GUARDS,
  parties: APPLICATION_PARTIES,
  transitions: TRANSITIONS,
};

/** States of a live application: an agreement has at most one at a time. */
export const APPLICATION_OPEN_STATES: readonly ApplicationState[] = [
  'awaiting_co_applicant',
  'submitted',
  'accepted',
  'supplement_requested',
];

/** States in which the court holds the application: a withdrawal goes to it over the link. */
export const APPLICATION_AT_COURT: readonly ApplicationState[] = ['submitted', ...AT_COURT];
