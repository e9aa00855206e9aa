import { addCalendarDays, calendarDaysBetween, compareDates, type IsoDate } from '../calendar/dates.ts';
import { periodEnd } from '../lifecycles/court-referral.ts';

/**
 * The clocks of judicial confirmation (司法确认, DOMAIN §3D). Every period is counted like the court's other periods
 * (民事诉讼法 第八十五条): the start day is not counted, and a last day on a rest day or holiday moves to the next
 * working day. All dates are Beijing dates.
 */

/**
 * The parties apply jointly within 30 days from the day the mediation agreement takes effect (民事诉讼法 第二百零五条:
 * 自调解协议生效之日起三十日内，共同向人民法院提出). One party applying and the other confirming online counts as joint.
 */
export const CONFIRMATION_APPLICATION_DAYS = 30;

/** Days after the agreement took effect on which the parties are reminded that the window is closing. */
export const CONFIRMATION_REMINDER_DAYS = [20, 25] as const;

/**
 * The court decides whether to accept an application within 3 days of receiving it (受理审查). The procedure itself
 * is 民诉法解释 第三百五十一条 and the articles after it; the 3, 15 and +10 days are those of 最高人民法院关于人民调解协议司法确认
 * 程序的若干规定, which the courts apply to every confirmation of a mediation agreement (as we read them).
 */
export const ACCEPTANCE_DAYS = 3;

/** Once accepted, the court rules within 15 days; in special circumstances the court's president may approve 10 more. */
export const RULING_DAYS = 15;
export const RULING_EXTENSION_DAYS = 10;

/** The last day on which the parties may apply: 30 days from the agreement's effective date, rolled past rest days. */
export function applicationWindowLastDay(effectiveDate: IsoDate): IsoDate {
  return periodEnd(effectiveDate, CONFIRMATION_APPLICATION_DAYS);
}

/** The reminder days (the 20th and the 25th day): plain calendar days, since a reminder is not a legal period. */
export function reminderDates(effectiveDate: IsoDate): IsoDate[] {
  return CONFIRMATION_REMINDER_DAYS.map((days) => addCalendarDays(effectiveDate, days));
}

export interface ApplicationWindow {
  /** Whether an application may still be made today (the last day included). */
  open: boolean;
  lastDay: IsoDate;
  /** Calendar days from today to the last day: 0 on the last day itself and once the window has closed. */
  daysLeft: number;
}

/** The application window as the parties see it today. */
export function applicationWindow(effectiveDate: IsoDate, today: IsoDate): ApplicationWindow {
  const lastDay = applicationWindowLastDay(effectiveDate);
  return {
    open: compareDates(today, lastDay) <= 0,
    lastDay,
    daysLeft: Math.max(0, calendarDaysBetween(today, lastDay)),
  };
}

/** The last day for deciding acceptance of an application received on `receivedOn`. */
export function acceptanceDue(receivedOn: IsoDate): IsoDate {
  return periodEnd(receivedOn, ACCEPTANCE_DAYS);
}

/** The last day for the ruling on an application accepted on `acceptedOn`. */
export function rulingDue(acceptedOn: IsoDate): IsoDate {
  return periodEnd(acceptedOn, RULING_DAYS);
}

/** The ruling's last day after the president approved the extension: 10 days more, counted from the old last day. */
export function extendedRulingDue(rulingDueDate: IsoDate): IsoDate {
  return periodEnd(rulingDueDate, RULING_EXTENSION_DAYS);
}
