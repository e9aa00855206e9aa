import { addCalendarDays, compareDates, type IsoDate } from '../calendar/dates.ts';
import { prcWorkingDays } from '../calendar/working-days.ts';
import { isAuthorized, type Actor } from '../permissions.ts';
import type { GuardDefinition } from './state-machine.ts';

/**
 * What court delegation (lifecycle B, 诉前委派) and court entrustment (lifecycle C, 诉中委托) share: the court's own
 * parties, the guards both tables use and the way a mediation period is counted.
 */
export type Labels = { readonly zh: string; readonly en: string };

/** Labels of the events both court lifecycles share: what the organization's messages do to the court's case. */
export const REFERRAL_EVENT_LABELS = {
  receive: { zh: '调解组织签收', en: 'Received by the organization' },
  decline: { zh: '调解组织退回', en: 'Declined by the organization' },
  progress: { zh: '调解进展', en: 'Progress' },
  extend: { zh: '延长调解期限', en: 'Extend the period' },
  'report-settled': { zh: '结案报告：调解成功', en: 'Closing report: settled' },
  'report-failed': { zh: '结案报告：调解不成', en: 'Closing report: failed' },
  'report-expired': { zh: '结案报告：期限届满', en: 'Closing report: expired' },
  expire: { zh: '调解期限届满', en: 'Period expired' },
} as const satisfies Record<string, Labels>;

/** Who fires a court referral's events: court staff by permission, or the system (the link's inbox, a job). */
export type CourtParty = 'delegator' | 'filer' | 'entruster' | 'adjudicator' | 'system';

/** The court case as the guards read it. */
export interface CourtCaseFacts {
  /** The mediation period's last day (Beijing date), while one runs. */
  deadlineDate: IsoDate | null;
  /** Calendar days already added to the mediation period by consent. */
  extensionDays: number;
}

/** The body of an event, as far as guards and deadlines read it. */
export interface CourtEventInput {
  note?: string | null;
  organizationId?: string | null;
  procedure?: 'ordinary' | 'summary' | null;
  days?: number | null;
  /** An extension's new last day as the other side counted it (received over the link). */
  newDeadlineDate?: IsoDate | null;
}

export interface CourtReferralContext {
  /** null: the system — a message received over the docking link, or a job. */
  actor: Pick<Actor, 'roles' | 'platform'> | null;
  case: CourtCaseFacts;
  /** Beijing date of the transition; mediation periods are counted from it. */
  today: IsoDate;
  input?: CourtEventInput;
}

export const COURT_PARTIES: Readonly<Record<CourtParty, (ctx: CourtReferralContext) => boolean>> = {
  delegator: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.delegate'),
  filer: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.file'),
  entruster: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.entrust'),
  adjudicator: (ctx) => ctx.actor !== null && isAuthorized(ctx.actor, 'court.adjudicate'),
  system: (ctx) => ctx.actor === null,
};

/** The most calendar days a mediation period may be extended by, in total (our default; some courts allow +30). */
export const MAX_EXTENSION_DAYS = 30;

const hasText = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

export type CourtGuard =
  | 'note-given'
  | 'organization-chosen'
  | 'procedure-chosen'
  | 'extension-within-limit'
  | 'deadline-passed';

export const COURT_GUARDS: Readonly<Record<CourtGuard, GuardDefinition<CourtReferralContext>>> = {
  'note-given': {
    check: (ctx) => hasText(ctx.input?.note),
    needsInput: true,
    zh: '须填写说明（当事人意见、理由）',
    en: "a note is required (the parties' position or the reason)",
  },
  'organization-chosen': {
    check: (ctx) => hasText(ctx.input?.organizationId),
    needsInput: true,
    zh: '须从名册中选择调解组织',
    en: 'a mediation organization must be chosen from the directory',
  },
  'procedure-chosen': {
    check: (ctx) => ctx.input?.procedure === 'ordinary' || ctx.input?.procedure === 'summary',
    needsInput: true,
    zh: '须选择适用程序（普通程序或简易程序）',
    en: 'the procedure (ordinary or summary) must be chosen',
  },
  'extension-within-limit': {
    check: (ctx) => {
      const days = ctx.input?.days ?? 0;
      return Number.isInteger(days) && days >= 1 && ctx.case.extensionDays + days <= MAX_EXTENSION_DAYS;
    },
    needsInput: true,
    zh: `延长期限须为正整数天，累计不超过 ${MAX_EXTENSION_DAYS} 日`,
    en: `an extension is a whole number of days, at most ${MAX_EXTENSION_DAYS} in total`,
  },
  'deadline-passed': {
    check: (ctx) => ctx.case.deadlineDate !== null && compareDates(ctx.today, ctx.case.deadlineDate) > 0,
    zh: '调解期限尚未届满',
    en: 'the mediation period has not ended yet',
  },
};

/**
 * The last day of a period of `days` calendar days starting on `start` (the start day is not counted); when it is
 * a rest day or holiday the period ends on the next working day (民事诉讼法 第八十五条), make-up days counting as
 * working days.
 */
export function periodEnd(start: IsoDate, days: number): IsoDate {
  return prcWorkingDays.nextWorkingDayOnOrAfter(addCalendarDays(start, days));
}

/** The new last day after an extension: the other side's date when it counted it, else ours. */
export function extendedDeadline(ctx: CourtReferralContext): IsoDate {
  const given = ctx.input?.newDeadlineDate;
  if (given) return given;
  return periodEnd(ctx.case.deadlineDate ?? ctx.today, ctx.input?.days ?? 0);
}

/** Deadline kinds a court case shows. */
export const COURT_DEADLINE_KINDS = {
  /** The referral's mediation period (30 days delegated; 15/7 days entrusted). */
  mediation: { zh: '调解期限届满', en: 'Mediation period ends' },
  /** 登记立案 within 7 days once mediation is out of the question (民事诉讼法 第一百二十六条). */
  filing: { zh: '立案期限', en: 'Filing due' },
} as const satisfies Record<string, Labels>;

export type CourtDeadlineKind = keyof typeof COURT_DEADLINE_KINDS;

/** Days within which a court registers and files a case once mediation ended without a settlement. */
export const FILING_DAYS = 7;

/** A mediation period as a fixed-date rule: the kernel stores the date the lifecycle computed. */
export const mediationUntil = (date: IsoDate) => ({ kind: 'mediation', unit: 'date', date }) as const;

/** The filing deadline counted from the transition date. */
export const filingDeadline = (ctx: CourtReferralContext) => ({
  kind: 'filing',
  unit: 'date' as const,
  date: periodEnd(ctx.today, FILING_DAYS),
});

/** The running mediation period carried across a transition to another state (receipt: the period goes on). */
export const keepMediation = (ctx: CourtReferralContext) =>
  ctx.case.deadlineDate ? mediationUntil(ctx.case.deadlineDate) : undefined;

/** Results a closing report may carry. */
export const CLOSING_RESULTS = {
  settled: { zh: '调解成功', en: 'Settled' },
  failed: { zh: '调解不成', en: 'Failed' },
  expired: { zh: '期限届满未达成协议', en: 'Expired without agreement' },
  withdrawn: { zh: '当事人撤回调解申请', en: 'Withdrawn by a party' },
} as const satisfies Record<string, Labels>;

export const PROCEDURES = {
  ordinary: { zh: '普通程序', en: 'Ordinary procedure' },
  summary: { zh: '简易程序', en: 'Summary procedure' },
} as const satisfies Record<string, Labels>;
export type Procedure = keyof typeof PROCEDURES;

/** How long a court's input may be: the route schemas, the use cases and the forms read the same numbers. */
export const COURT_LIMITS = {
  parties: 50,
  partyName: 100,
  idNumber: 32,
  phone: 20,
  address: 200,
  /** 诉讼请求, as the docking body carries it. */
  claims: 5000,
  /** 事实与理由. */
  facts: 20000,
  note: 2000,
} as const;
