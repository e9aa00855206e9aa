import {
  REFERRAL_EVENT_LABELS,
  COURT_GUARDS,
  COURT_PARTIES,
  type CourtGuard,
  type CourtParty,
  type CourtReferralContext,
  extendedDeadline,
  keepMediation,
  type Labels,
  mediationUntil,
  periodEnd,
  type Procedure,
} from './court-referral.ts';
import type { Lifecycle, Transition } from './state-machine.ts';

/**
 * Lifecycle C, court post-filing entrustment (诉中委托调解, DOMAIN §3C), on the court platform: a filed case → the
 * court proposes and the parties consent → entrusted, awaiting receipt → mediating within 15 days (ordinary
 * procedure) or 7 days (summary procedure); an extension by consent is recorded and not counted in the trial
 * period → settled: the court issues a 调解书 or records the plaintiff's withdrawal (撤诉); failed, expired or
 * declined: trial resumes.
 */
export const ENTRUSTMENT_STATES = [
  'filed',
  'consented',
  'entrusted',
  'mediating',
  'declined',
  'settled',
  'failed',
  'expired',
  'document_issued',
  'plaintiff_withdrew',
  'trial',
] as const;
export type EntrustmentState = (typeof ENTRUSTMENT_STATES)[number];

export const ENTRUSTMENT_EVENTS = [
  'record-consent',
  'record-refusal',
  'entrust',
  'receive',
  'decline',
  'progress',
  'extend',
  'report-settled',
  'report-failed',
  'report-expired',
  'expire',
  'recall',
  'issue-document',
  'record-withdrawal',
  'resume-trial',
] as const;
export type EntrustmentEvent = (typeof ENTRUSTMENT_EVENTS)[number];

export const ENTRUSTMENT_STATE_LABELS: Record<EntrustmentState, Labels> = {
  filed: { zh: '已立案（可委托调解）', en: 'Filed' },
  consented: { zh: '当事人同意委托调解（待委托）', en: 'Consent recorded' },
  entrusted: { zh: '已委托（待签收）', en: 'Entrusted, awaiting receipt' },
  mediating: { zh: '委托调解中', en: 'Mediating' },
  declined: { zh: '调解组织退回（待恢复审理）', en: 'Declined by the organization' },
  settled: { zh: '调解成功（待出具调解书或撤诉）', en: 'Settled' },
  failed: { zh: '调解不成（待恢复审理）', en: 'Mediation failed' },
  expired: { zh: '调解期限届满（待恢复审理）', en: 'Mediation period expired' },
  document_issued: { zh: '已出具调解书', en: 'Mediation document issued' },
  plaintiff_withdrew: { zh: '原告撤诉', en: 'Plaintiff withdrew' },
  trial: { zh: '审理中', en: 'In trial' },
};

export const ENTRUSTMENT_EVENT_LABELS: Record<EntrustmentEvent, Labels> = {
  'record-consent': { zh: '记录同意委托调解', en: 'Record consent' },
  'record-refusal': { zh: '记录不同意调解（继续审理）', en: 'Record refusal' },
  entrust: { zh: '委托调解', en: 'Entrust' },
  ...REFERRAL_EVENT_LABELS,
  recall: { zh: '撤回委托（恢复审理）', en: 'Recall the entrustment' },
  'issue-document': { zh: '出具调解书', en: 'Issue the mediation document' },
  'record-withdrawal': { zh: '准许原告撤诉', en: "Record the plaintiff's withdrawal" },
  'resume-trial': { zh: '恢复审理', en: 'Resume trial' },
};

/** The mediation period of an entrustment (诉中委托调解) by procedure, counted from the day of entrustment. */
export const ENTRUSTMENT_PERIOD_DAYS: Record<Procedure, number> = { ordinary: 15, summary: 7 };

/**
 * Days not counted in the trial period (审理期限): the extensions the parties consented to. The entrusted period
 * itself counts (最高人民法院关于人民法院特邀调解的规定 第二十一条 as we read it).
 */
export const daysExcludedFromTrialPeriod = (extensionDays: number): number => extensionDays;

type Row = Transition<EntrustmentState, EntrustmentEvent, CourtGuard, CourtParty, CourtReferralContext>;

const REPORTABLE: readonly EntrustmentState[] = ['mediating', 'expired'];

const TRANSITIONS: readonly Row[] = [
  {
    event: 'record-consent',
    from: ['filed'],
    to: 'consented',
    actors: ['entruster'],
    guards: ['note-given'],
  },
  { event: 'record-refusal', from: ['filed'], to: 'trial', actors: ['entruster'], guards: ['note-given'] },
  {
    event: 'entrust',
    from: ['consented'],
    to: 'entrusted',
    actors: ['entruster'],
    guards: ['organization-chosen', 'procedure-chosen'],
    deadline: (ctx) =>
      mediationUntil(periodEnd(ctx.today, ENTRUSTMENT_PERIOD_DAYS[ctx.input?.procedure ?? 'ordinary'])),
  },
  {
    event: 'receive',
    from: ['entrusted'],
    to: 'mediating',
    actors: ['system'],
    guards: [],
    deadline: keepMediation,
  },
  { event: 'decline', from: ['entrusted'], to: 'declined', actors: ['system'], guards: [] },
  { event: 'progress', from: ['mediating'], to: 'mediating', actors: ['system'], guards: [] },
  {
    event: 'extend',
    from: ['mediating'],
    to: 'mediating',
    actors: ['entruster', 'system'],
    guards: ['note-given', 'extension-within-limit'],
    deadline: (ctx) => mediationUntil(extendedDeadline(ctx)),
  },
  { event: 'report-settled', from: REPORTABLE, to: 'settled', actors: ['system'], guards: [] },
  { event: 'report-failed', from: REPORTABLE, to: 'failed', actors: ['system'], guards: [] },
  { event: 'report-expired', from: REPORTABLE, to: 'expired', actors: ['system'], guards: [] },
  { event: 'expire', from: ['mediating'], to: 'expired', actors: ['system'], guards: ['deadline-passed'] },
  {
    event: 'recall',
    from: ['consented', 'entrusted', 'mediating'],
    to: 'trial',
    actors: ['entruster'],
    guards: ['note-given'],
  },
  { event: 'issue-document', from: ['settled'], to: 'document_issued', actors: ['adjudicator'], guards: [] },
  {
    event: 'record-withdrawal',
    from: ['settled'],
    to: 'plaintiff_withdrew',
    actors: ['adjudicator'],
    guards: ['note-given'],
  },
  {
    event: 'resume-trial',
    from: ['declined', 'failed', 'expired'],
    to: 'trial',
    actors: ['adjudicator'],
    guards: [],
  },
];

export const COURT_ENTRUSTMENT: Lifecycle<
  EntrustmentState,
  EntrustmentEvent,
  CourtGuard,
  CourtParty,
  CourtReferralContext
> = {
  name: 'court-entrustment',
  states: ENTRUSTMENT_STATES,
  events: ENTRUSTMENT_EVENTS,
  terminalStates: ['document_issued', 'plaintiff_withdrew', 'trial'],
  guards: COURT_GUARDS,
  parties: COURT_PARTIES,
  transitions: TRANSITIONS,
};

/** States in which the organization holds the case: the link carries the court's recall to it. */
export const ENTRUSTMENT_AT_ORGANIZATION: readonly EntrustmentState[] = ['entrusted', 'mediating'];
