import { compareDates, type IsoDate, isIsoDate } from '../calendar/dates.ts';
import { acceptanceDue, extendedRulingDue, rulingDue } from '../confirmation/clocks.ts';
import { type Actor, isAuthorized } from '../permissions.ts';
import type { Labels } from './court-referral.ts';
import type { GuardDefinition, Lifecycle, Transition } from './state-machine.ts';

/**
 * Lifecycle D on the court platform: the court's judicial confirmation case (司法确认案件, a 民特 number, DOMAIN §3D).
 * An application arrives over the link → the court decides within 3 days whether to accept it (不予受理 with a coded
 * ground, 民诉法解释 第三百五十五条) → a judge is assigned and reviews it within 15 days (+10 with the president's
 * approval); the judge may ask for supplements within a time limit and records inquiries (第三百五十四条、
 * 第三百五十六条) → the ruling: the agreement is confirmed valid (enforceable) or the application is rejected with a
 * coded ground (第三百五十八条). Before the ruling the applicants may withdraw; supplements not given in time are
 * treated as a withdrawal (按撤回申请处理, 第三百五十七条, as we read it).
 */
export const CONFIRMATION_STATES = [
  'received',
  'accepted',
  'reviewing',
  'awaiting_supplement',
  'confirmed',
  'rejected',
  'not_accepted',
  'withdrawn',
] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

export const CONFIRMATION_EVENTS = [
  'accept',
  'refuse',
  'assign-judge',
  'request-supplement',
  'receive-supplement',
  'supplement-lapsed',
  'record-inquiry',
  'extend-review',
  'confirm',
  'reject',
  'withdraw',
] as const;
export type ConfirmationEvent = (typeof CONFIRMATION_EVENTS)[number];

export const CONFIRMATION_STATE_LABELS: Record<ConfirmationState, Labels> = {
  received: { zh: '已收到申请（待决定是否受理）', en: 'Received, acceptance pending' },
  accepted: { zh: '已受理（待指定审判人员）', en: 'Accepted, judge to be assigned' },
  reviewing: { zh: '审查中', en: 'Under review' },
  awaiting_supplement: { zh: '待补充材料', en: 'Awaiting supplements' },
  confirmed: { zh: '裁定调解协议有效', en: 'Agreement confirmed' },
  rejected: { zh: '裁定驳回申请', en: 'Application rejected' },
  not_accepted: { zh: '裁定不予受理', en: 'Not accepted' },
  withdrawn: { zh: '已撤回（含按撤回处理）', en: 'Withdrawn' },
};

export const CONFIRMATION_EVENT_LABELS: Record<ConfirmationEvent, Labels> = {
  accept: { zh: '受理', en: 'Accept' },
  refuse: { zh: '不予受理', en: 'Refuse to accept' },
  'assign-judge': { zh: '指定审判人员', en: 'Assign a judge' },
  'request-supplement': { zh: '通知补充材料', en: 'Request supplements' },
  'receive-supplement': { zh: '收到补充材料', en: 'Supplements received' },
  'supplement-lapsed': {
    zh: '逾期未补充（按撤回申请处理）',
    en: 'Supplements not given in time (withdrawn)',
  },
  'record-inquiry': { zh: '记录询问', en: 'Record an inquiry' },
  'extend-review': { zh: '延长审查期限（院长批准）', en: "Extend the review (president's approval)" },
  confirm: { zh: '裁定调解协议有效', en: 'Confirm the agreement' },
  reject: { zh: '裁定驳回申请', en: 'Reject the application' },
  withdraw: { zh: '申请人撤回申请', en: 'Withdrawn by the applicants' },
};

/** A coded ground with its labels and the provision it rests on. */
export interface ConfirmationGround extends Labels {
  readonly basis: Labels;
}

const INTERPRETATION_355 = (item: string, itemEn: string): Labels => ({
  zh: `民诉法解释 第三百五十五条第一款第（${item}）项`,
  en: `Interpretation of the Civil Procedure Law, art. 355(1)(${itemEn})`,
});

const INTERPRETATION_358 = (item: string, itemEn: string): Labels => ({
  zh: `民诉法解释 第三百五十八条第（${item}）项`,
  en: `Interpretation of the Civil Procedure Law, art. 358(${itemEn})`,
});

const ARTICLE_205: Labels = { zh: '民事诉讼法 第二百零五条', en: 'Civil Procedure Law, art. 205' };

/**
 * Grounds for not accepting an application (裁定不予受理): the five of 民诉法解释 第三百五十五条, and the two conditions
 * of 民事诉讼法 第二百零五条 itself (a joint application, within 30 days of the agreement taking effect). A ground found
 * only after acceptance leads to a rejection instead (第三百五十五条第二款): the judge rejects with `other`, the ruling's
 * reason naming it.
 */
export const CONFIRMATION_REFUSAL_GROUNDS = {
  'outside-court-scope': {
    zh: '不属于人民法院受理范围',
    en: 'Outside the scope of the courts',
    basis: INTERPRETATION_355('一', 'i'),
  },
  'outside-jurisdiction': {
    zh: '不属于本院管辖',
    en: 'Outside this court’s jurisdiction',
    basis: INTERPRETATION_355('二', 'ii'),
  },
  'personal-status': {
    zh: '申请确认身份关系（婚姻、亲子、收养等）',
    en: 'Confirms a personal status (marriage, parentage, adoption)',
    basis: INTERPRETATION_355('三', 'iii'),
  },
  'special-procedure': {
    zh: '涉及适用其他特别程序、公示催告程序、破产程序审理',
    en: 'Belongs to another special procedure, public summons or bankruptcy',
    basis: INTERPRETATION_355('四', 'iv'),
  },
  'property-ownership': {
    zh: '调解协议内容涉及物权、知识产权确权',
    en: 'Settles the ownership of property or intellectual property',
    basis: INTERPRETATION_355('五', 'v'),
  },
  late: {
    zh: '超过调解协议生效之日起三十日的申请期限',
    en: 'Filed after the 30 days from the agreement taking effect',
    basis: ARTICLE_205,
  },
  'not-joint': {
    zh: '非双方当事人共同申请',
    en: 'Not a joint application of both parties',
    basis: ARTICLE_205,
  },
  other: {
    zh: '其他不予受理的情形',
    en: 'Other ground for non-acceptance',
    basis: { zh: '民诉法解释 第三百五十五条', en: 'Interpretation of the Civil Procedure Law, art. 355' },
  },
} as const satisfies Record<string, ConfirmationGround>;
export type ConfirmationRefusalGround = keyof typeof CONFIRMATION_REFUSAL_GROUNDS;

/** Grounds for rejecting an accepted application (裁定驳回申请): 民诉法解释 第三百五十八条. */
export const CONFIRMATION_REJECTION_GROUNDS = {
  'violates-mandatory-law': {
    zh: '违反法律强制性规定',
    en: 'Violates a mandatory provision of law',
    basis: INTERPRETATION_358('一', 'i'),
  },
  'harms-public-or-third-party': {
    zh: '损害国家利益、社会公共利益、他人合法权益',
    en: 'Harms the interests of the State, the public or others',
    basis: INTERPRETATION_358('二', 'ii'),
  },
  'against-public-order': {
    zh: '违背公序良俗',
    en: 'Against public order and good morals',
    basis: INTERPRETATION_358('三', 'iii'),
  },
  'not-voluntary': {
    zh: '违反自愿原则',
    en: 'Not reached voluntarily',
    basis: INTERPRETATION_358('四', 'iv'),
  },
  'content-unclear': { zh: '内容不明确', en: 'Its content is unclear', basis: INTERPRETATION_358('五', 'v') },
  other: {
    zh: '其他不能进行司法确认的情形',
    en: 'Other reason it cannot be confirmed',
    basis: INTERPRETATION_358('六', 'vi'),
  },
} as const satisfies Record<string, ConfirmationGround>;
export type ConfirmationRejectionGround = keyof typeof CONFIRMATION_REJECTION_GROUNDS;

export const isRefusalGround = (code: unknown): code is ConfirmationRefusalGround =>
  typeof code === 'string' && Object.hasOwn(CONFIRMATION_REFUSAL_GROUNDS, code);

export const isRejectionGround = (code: unknown): code is ConfirmationRejectionGround =>
  typeof code === 'string' && Object.hasOwn(CONFIRMATION_REJECTION_GROUNDS, code);

/** Deadline kinds a confirmation case shows. */
export const CONFIRMATION_DEADLINE_KINDS = {
  /** 3 days from receipt to decide acceptance. */
  acceptance: { zh: '受理审查期限', en: 'Acceptance decision due' },
  /** 15 days from acceptance to the ruling (+10 with the president's approval). */
  ruling: { zh: '审查期限（裁定）', en: 'Ruling due' },
  /** The time limit the judge set for supplements (限期补充). */
  supplement: { zh: '补充材料期限', en: 'Supplements due' },
} as const satisfies Record<string, Labels>;
export type ConfirmationDeadlineKind = keyof typeof CONFIRMATION_DEADLINE_KINDS;

/** Who fires a confirmation case's events: court staff by permission, or the system (the link's inbox, a job). */
export type ConfirmationParty = 'filer' | 'reviewer' | 'system';

/** The confirmation case as guards and deadlines read it. */
export interface ConfirmationFacts {
  /** Last day to decide acceptance, set when the case is received. */
  acceptanceDue: IsoDate | null;
  /** Last day of the review, set on acceptance (moved once by an extension). */
  rulingDue: IsoDate | null;
  /** Whether the president already approved the one extension. */
  extended: boolean;
  /** The time limit set for the pending supplements. */
  supplementDue: IsoDate | null;
  judgeAssigned: boolean;
}

/** The body of an event, as far as guards and deadlines read it. */
export interface ConfirmationInput {
  note?: string | null;
  /** A code of CONFIRMATION_REFUSAL_GROUNDS (refuse) or CONFIRMATION_REJECTION_GROUNDS (reject). */
  groundCode?: string | null;
  judgeId?: string | null;
  /** The supplements' time limit. */
  dueDate?: IsoDate | null;
  /** The president who approved the extension. */
  approvedBy?: string | null;
}

export interface ConfirmationContext {
  /** null: the system — a message received over the docking link, or a job. */
  actor: Pick<Actor, 'roles' | 'platform'> | null;
  case: ConfirmationFacts;
  /** Beijing date of the transition; periods are counted from it. */
  today: IsoDate;
  input?: ConfirmationInput;
}

export const CONFIRMATION_PARTIES: Readonly<
  Record<ConfirmationParty, (ctx: ConfirmationContext) => boolean>
> = {
  filer: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.file'),
  reviewer: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.confirm'),
  system: (ctx) => ctx.actor === null,
};

export type ConfirmationGuard =
  | 'note-given'
  | 'ground-given'
  | 'judge-chosen'
  | 'due-date-valid'
  | 'president-approval'
  | 'not-extended'
  | 'supplement-overdue'
  | 'ground-known-refusal'
  | 'ground-known-rejection';

const hasText = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

export const CONFIRMATION_GUARDS: Readonly<Record<ConfirmationGuard, GuardDefinition<ConfirmationContext>>> =
  {
    'note-given': {
      check: (ctx) => hasText(ctx.input?.note),
      needsInput: true,
      zh: '须填写说明',
      en: 'a note is required',
    },
    'ground-given': {
      check: (ctx) => hasText(ctx.input?.groundCode),
      needsInput: true,
      zh: '须选择理由',
      en: 'a ground must be chosen',
    },
    'judge-chosen': {
      check: (ctx) => hasText(ctx.input?.judgeId),
      needsInput: true,
      zh: '须指定审判人员',
      en: 'a judge must be chosen',
    },
    'due-date-valid': {
      check: (ctx) => {
        const due = ctx.input?.dueDate;
        return isIsoDate(due) && compareDates(due, ctx.today) > 0;
      },
      needsInput: true,
      zh: '须指定补充材料期限（今天之后的日期）',
      en: 'the supplements need a time limit after today',
    },
    'president-approval': {
      check: (ctx) => hasText(ctx.input?.approvedBy),
      needsInput: true,
      zh: '延长审查期限须经本院院长批准（须填写批准人）',
      en: "an extension needs the court president's approval (name who approved it)",
    },
    'not-extended': {
      check: (ctx) => !ctx.case.extended,
      zh: '审查期限已延长过一次',
      en: 'the review was already extended once',
    },
    'supplement-overdue': {
      check: (ctx) => ctx.case.supplementDue !== null && compareDates(ctx.today, ctx.case.supplementDue) > 0,
      zh: '补充材料期限尚未届满',
      en: 'the time limit for supplements has not passed',
    },
    'ground-known-refusal': {
      check: (ctx) => isRefusalGround(ctx.input?.groundCode),
      needsInput: true,
      zh: '不予受理的理由不在目录中',
      en: 'not a known ground for non-acceptance',
    },
    'ground-known-rejection': {
      check: (ctx) => isRejectionGround(ctx.input?.groundCode),
      needsInput: true,
      zh: '驳回申请的理由不在目录中',
      en: 'not a known ground for rejection',
    },
  };

/** A confirmation period as a fixed-date rule: the kernel stores the date the lifecycle computed. */
export const confirmationUntil = (kind: ConfirmationDeadlineKind, date: IsoDate) =>
  ({ kind, unit: 'date', date }) as const;

/** The last day to decide acceptance of an application received on `receivedOn` (3 days). */
export const acceptanceDeadline = (receivedOn: IsoDate): IsoDate => acceptanceDue(receivedOn);

/** The acceptance deadline as a rule, for the server to start when it creates the case in `received`. */
export const acceptanceDeadlineRule = (receivedOn: IsoDate) =>
  confirmationUntil('acceptance', acceptanceDeadline(receivedOn));

/** The review period carried across a transition to another state (assignment, supplements: the period goes on). */
export const keepRuling = (ctx: ConfirmationContext) =>
  ctx.case.rulingDue ? confirmationUntil('ruling', ctx.case.rulingDue) : undefined;

type Row = Transition<
  ConfirmationState,
  ConfirmationEvent,
  ConfirmationGuard,
  ConfirmationParty,
  ConfirmationContext
>;

const BEFORE_RULING: readonly ConfirmationState[] = [
  'received',
  'accepted',
  'reviewing',
  'awaiting_supplement',
];

const TRANSITIONS: readonly Row[] = [
  {
    event: 'accept',
    from: ['received'],
    to: 'accepted',
    actors: ['filer'],
    guards: [],
    deadline: (ctx) => confirmationUntil('ruling', rulingDue(ctx.today)),
  },
  {
    event: 'refuse',
    from: ['received'],
    to: 'not_accepted',
    actors: ['filer'],
    guards: ['ground-given', 'ground-known-refusal'],
  },
  {
    event: 'assign-judge',
    from: ['accepted'],
    to: 'reviewing',
    actors: ['filer', 'reviewer'],
    guards: ['judge-chosen'],
    deadline: keepRuling,
  },
  {
    event: 'request-supplement',
    from: ['reviewing'],
    to: 'awaiting_supplement',
    actors: ['reviewer'],
    guards: ['note-given', 'due-date-valid'],
    deadline: keepRuling,
  },
  {
    event: 'receive-supplement',
    from: ['awaiting_supplement'],
    to: 'reviewing',
    actors: ['system'],
    guards: [],
    deadline: keepRuling,
  },
  {
    event: 'supplement-lapsed',
    from: ['awaiting_supplement'],
    to: 'withdrawn',
    actors: ['reviewer'],
    guards: ['supplement-overdue'],
  },
  {
    event: 'record-inquiry',
    from: ['reviewing'],
    to: 'reviewing',
    actors: ['reviewer'],
    guards: ['note-given'],
  },
  {
    event: 'extend-review',
    from: ['reviewing'],
    to: 'reviewing',
    actors: ['reviewer'],
    guards: ['note-given', 'president-approval', 'not-extended'],
    deadline: (ctx) => confirmationUntil('ruling', extendedRulingDue(ctx.case.rulingDue ?? ctx.today)),
  },
  {
    event: 'extend-review',
    from: ['awaiting_supplement'],
    to: 'awaiting_supplement',
    actors: ['reviewer'],
    guards: ['note-given', 'president-approval', 'not-extended'],
    deadline: (ctx) => confirmationUntil('ruling', extendedRulingDue(ctx.case.rulingDue ?? ctx.today)),
  },
  { event: 'confirm', from: ['reviewing'], to: 'confirmed', actors: ['reviewer'], guards: [] },
  {
    event: 'reject',
    from: ['reviewing'],
    to: 'rejected',
    actors: ['reviewer'],
    guards: ['ground-given', 'ground-known-rejection'],
  },
  { event: 'withdraw', from: BEFORE_RULING, to: 'withdrawn', actors: ['system'], guards: [] },
];

export const COURT_CONFIRMATION: Lifecycle<
  ConfirmationState,
  ConfirmationEvent,
  ConfirmationGuard,
  ConfirmationParty,
  ConfirmationContext
> = {
  name: 'court-confirmation',
  states: CONFIRMATION_STATES,
  events: CONFIRMATION_EVENTS,
  terminalStates: ['confirmed', 'rejected', 'not_accepted', 'withdrawn'],
  guards: CONFIRMATION_GUARDS,
  parties: CONFIRMATION_PARTIES,
  transitions: TRANSITIONS,
};
