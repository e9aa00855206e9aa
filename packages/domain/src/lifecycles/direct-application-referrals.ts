import type { GuardDefinition, Transition } from './state-machine.ts';
import type { DirectEvent, DirectState } from './direct-application-codes.ts';
import { isDeclineReasonCode } from './direct-application-codes.ts';
import type { DirectContext, DirectParty } from './direct-application-context.ts';
import { courtPeriod } from './direct-application-deadlines.ts';

/**
 * Lifecycle A's rows for cases a court refers over the docking link (B 诉前委派, C 诉中委托, mediation side): the
 * case arrives awaiting receipt; the organization signs for it (then it runs the ordinary workflow: track, mediator,
 * agreement, seal) or declines it back to the court; the period is the court's, extended only with the parties'
 * recorded consent; the court may withdraw it; the scheduler closes it when the period runs out. What goes back to
 * the court (receipt, decline, extension, progress, closing report) is the case binding's `outgoing` hook.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const nonEmpty = (value: string | undefined) => typeof value === 'string' && value.trim().length > 0;

export const REFERRAL_GUARDS = {
  'court-referral': {
    check: (ctx) => ctx.case.source !== 'direct',
    zh: '仅适用于法院委派或委托的案件',
    en: 'only for cases a court delegated or entrusted',
  },
  'decline-reason-coded': {
    check: (ctx) => isDeclineReasonCode(ctx.input?.reasonCode),
    needsInput: true,
    zh: '请选择退回原因',
    en: 'choose a coded reason for returning the case',
  },
  'extension-consented': {
    // The parties' consent is what allows an extension (DOMAIN §3B/C): it is recorded, in words, with the event.
    check: (ctx) => nonEmpty(ctx.input?.note),
    needsInput: true,
    zh: '延长调解期限须记录当事人的同意',
    en: "record the parties' consent to the extension",
  },
  'extension-days-valid': {
    check: (ctx) =>
      Number.isInteger(ctx.input?.days) &&
      (ctx.input?.days as number) >= 1 &&
      (ctx.input?.days as number) <= 30 &&
      ctx.case.courtDeadlineDate !== null &&
      ISO_DATE.test(ctx.case.courtDeadlineDate),
    needsInput: true,
    zh: '延长天数须为 1 至 30 天',
    en: 'an extension is 1 to 30 days',
  },
} as const satisfies Record<string, GuardDefinition<DirectContext>>;
export type ReferralGuard = keyof typeof REFERRAL_GUARDS;

type Row<G extends string> = Transition<DirectState, DirectEvent, G, DirectParty, DirectContext>;

/** States in which the court's period runs (signed for, not yet effective or ended). */
export const COURT_PERIOD_STATES = [
  'accepted',
  'mediating',
  'agreement_pending',
] as const satisfies readonly DirectState[];

/** Adds calendar days to a YYYY-MM-DD date (pure; the court's periods are counted in calendar days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function referralRows<G extends string>(): Row<G | ReferralGuard>[] {
  return [
    {
      event: 'sign-for-receipt',
      from: ['awaiting_receipt'],
      to: 'accepted',
      actors: ['org_admin'],
      guards: ['court-referral'],
      deadline: (ctx) => (ctx.case.courtDeadlineDate ? courtPeriod(ctx.case.courtDeadlineDate) : undefined),
    },
    {
      event: 'decline',
      from: ['awaiting_receipt'],
      to: 'declined',
      actors: ['org_admin'],
      guards: ['court-referral', 'decline-reason-coded'],
    },
    // An extension keeps the case where it is (one row per state) and moves the court's period.
    ...COURT_PERIOD_STATES.map(
      (state): Row<G | ReferralGuard> => ({
        event: 'extend',
        from: [state],
        to: state,
        actors: ['org_admin', 'mediator', 'court_link'],
        guards: ['court-referral', 'extension-days-valid', 'extension-consented'],
        // The court's own date when it granted the extension (its calendar decides), else the days added here.
        deadline: (ctx) =>
          ctx.input?.dueDate
            ? courtPeriod(ctx.input.dueDate)
            : ctx.case.courtDeadlineDate && ctx.input?.days
              ? courtPeriod(addDays(ctx.case.courtDeadlineDate, ctx.input.days))
              : undefined,
      }),
    ),
    {
      event: 'court-withdraw',
      from: ['awaiting_receipt', ...COURT_PERIOD_STATES],
      to: 'withdrawn',
      actors: ['court_link'],
      guards: ['court-referral'],
    },
    {
      event: 'expire',
      from: COURT_PERIOD_STATES,
      to: 'failed',
      actors: ['scheduler'],
      guards: ['court-referral'],
    },
  ];
}
