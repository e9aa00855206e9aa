import {
  REFERRAL_EVENT_LABELS,
  COURT_GUARDS,
  COURT_PARTIES,
  type CourtGuard,
  type CourtParty,
  type CourtReferralContext,
  extendedDeadline,
  filingDeadline,
  keepMediation,
  type Labels,
  mediationUntil,
  periodEnd,
} from './court-referral.ts';
import type { Lifecycle, Transition } from './state-machine.ts';

/**
 * Lifecycle B, court pre-filing delegation (诉前委派调解, DOMAIN §3B), on the court platform: a complaint is entered →
 * the parties consent (refusal → registered for trial) → delegated with a pre-filing number, awaiting the
 * organization's receipt → mediating within 30 days (extensions with the parties' recorded consent) → the closing
 * report (settled / failed / expired) or a decline → the court registers and files the case (登记立案, a 民初 number,
 * the undisputed facts carried), or the complaint is withdrawn; a settled delegation may also go to judicial
 * confirmation.
 */
export const DELEGATION_STATES = [
  'complaint_entered',
  'consented',
  'refused',
  'delegated',
  'mediating',
  'declined',
  'settled',
  'failed',
  'expired',
  'filed',
  'withdrawn',
  'confirmation_requested',
] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];

export const DELEGATION_EVENTS = [
  'record-consent',
  'record-refusal',
  'delegate',
  'receive',
  'decline',
  'progress',
  'extend',
  'report-settled',
  'report-failed',
  'report-expired',
  'expire',
  'file',
  'withdraw',
  'refer-confirmation',
] as const;
export type DelegationEvent = (typeof DELEGATION_EVENTS)[number];

export const DELEGATION_STATE_LABELS: Record<DelegationState, Labels> = {
  complaint_entered: { zh: '已收诉状（待征询调解意愿）', en: 'Complaint entered' },
  consented: { zh: '当事人同意调解（待委派）', en: 'Consent recorded' },
  refused: { zh: '当事人不同意调解（待立案）', en: 'Mediation refused' },
  delegated: { zh: '已委派（待签收）', en: 'Delegated, awaiting receipt' },
  mediating: { zh: '调解中', en: 'Mediating' },
  declined: { zh: '调解组织退回（待立案）', en: 'Declined by the organization' },
  settled: { zh: '调解成功', en: 'Settled' },
  failed: { zh: '调解不成（待立案）', en: 'Mediation failed' },
  expired: { zh: '调解期限届满（待立案）', en: 'Mediation period expired' },
  filed: { zh: '已登记立案', en: 'Registered and filed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  confirmation_requested: { zh: '转司法确认', en: 'Sent to judicial confirmation' },
};

export const DELEGATION_EVENT_LABELS: Record<DelegationEvent, Labels> = {
  'record-consent': { zh: '记录同意调解', en: 'Record consent' },
  'record-refusal': { zh: '记录不同意调解', en: 'Record refusal' },
  delegate: { zh: '委派调解', en: 'Delegate' },
  ...REFERRAL_EVENT_LABELS,
  file: { zh: '登记立案', en: 'Register and file' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  'refer-confirmation': { zh: '转司法确认', en: 'Send to judicial confirmation' },
};

/** The mediation period of a delegation (诉前调解): 30 days, counted from the day of delegation. */
export const DELEGATION_PERIOD_DAYS = 30;

type Row = Transition<DelegationState, DelegationEvent, CourtGuard, CourtParty, CourtReferralContext>;

/** States that still wait for the court to file the case: mediation is out of the question or over. */
const TO_FILE: readonly DelegationState[] = ['refused', 'declined', 'failed', 'expired'];
/** A closing report is accepted while mediating, and after the court's own clock has marked the period over. */
const REPORTABLE: readonly DelegationState[] = ['mediating', 'expired'];

const TRANSITIONS: readonly Row[] = [
  {
    event: 'record-consent',
    from: ['complaint_entered'],
    to: 'consented',
    actors: ['delegator'],
    guards: ['note-given'],
  },
  {
    event: 'record-refusal',
    from: ['complaint_entered'],
    to: 'refused',
    actors: ['delegator'],
    guards: ['note-given'],
    deadline: filingDeadline,
  },
  {
    event: 'delegate',
    from: ['consented'],
    to: 'delegated',
    actors: ['delegator'],
    guards: ['organization-chosen'],
    deadline: (ctx) => mediationUntil(periodEnd(ctx.today, DELEGATION_PERIOD_DAYS)),
  },
  {
    event: 'receive',
    from: ['delegated'],
    to: 'mediating',
    actors: ['system'],
    guards: [],
    deadline: keepMediation,
  },
  {
    event: 'decline',
    from: ['delegated'],
    to: 'declined',
    actors: ['system'],
    guards: [],
    deadline: filingDeadline,
  },
  { event: 'progress', from: ['mediating'], to: 'mediating', actors: ['system'], guards: [] },
  {
    event: 'extend',
    from: ['mediating'],
    to: 'mediating',
    actors: ['delegator', 'system'],
    guards: ['note-given', 'extension-within-limit'],
    deadline: (ctx) => mediationUntil(extendedDeadline(ctx)),
  },
  { event: 'report-settled', from: REPORTABLE, to: 'settled', actors: ['system'], guards: [] },
  {
    event: 'report-failed',
    from: REPORTABLE,
    to: 'failed',
    actors: ['system'],
    guards: [],
    deadline: filingDeadline,
  },
  {
    event: 'report-expired',
    from: REPORTABLE,
    to: 'expired',
    actors: ['system'],
    guards: [],
    deadline: filingDeadline,
  },
  {
    event: 'expire',
    from: ['mediating'],
    to: 'expired',
    actors: ['system'],
    guards: ['deadline-passed'],
    deadline: filingDeadline,
  },
  // A settled delegation may still be filed (the parties want a 调解书, or the agreement is not performed).
  { event: 'file', from: [...TO_FILE, 'settled'], to: 'filed', actors: ['filer'], guards: [] },
  {
    event: 'withdraw',
    from: ['complaint_entered', 'consented', 'delegated', 'mediating', 'settled', ...TO_FILE],
    to: 'withdrawn',
    actors: ['delegator'],
    guards: ['note-given'],
  },
  {
    event: 'refer-confirmation',
    from: ['settled'],
    to: 'confirmation_requested',
    actors: ['delegator'],
    guards: [],
  },
];

export const COURT_DELEGATION: Lifecycle<
  DelegationState,
  DelegationEvent,
  CourtGuard,
  CourtParty,
  CourtReferralContext
> = {
  name: 'court-delegation',
  states: DELEGATION_STATES,
  events: DELEGATION_EVENTS,
  terminalStates: ['filed', 'withdrawn', 'confirmation_requested'],
  guards: COURT_GUARDS,
  parties: COURT_PARTIES,
  transitions: TRANSITIONS,
};

/** States in which the organization holds the case: the link carries the court's withdrawal to it. */
export const DELEGATION_AT_ORGANIZATION: readonly DelegationState[] = ['delegated', 'mediating'];
