/** A deadline as data: counted in working or calendar days from the transition date, or a fixed date. */
export type DeadlineRule =
  | { readonly kind: string; readonly unit: 'working-days' | 'calendar-days'; readonly count: number }
  | { readonly kind: string; readonly unit: 'date'; readonly date: string };

/** The calendar operations deadlines need; the working-day calendar implements it. */
export interface DeadlineCalendar {
  addWorkingDays(date: string, n: number): string;
  nextWorkingDayOnOrAfter(date: string): string;
  addCalendarDays(date: string, n: number): string;
}

/**
 * Due date of a rule started on `startDate` (YYYY-MM-DD, Shanghai).
 * "0 working days" means the same day if it is a working day, else the next working day ("same day" registration).
 */
export function dueDate(rule: DeadlineRule, startDate: string, calendar: DeadlineCalendar): string {
  switch (rule.unit) {
    case 'date':
      return rule.date;
    case 'calendar-days':
      return calendar.addCalendarDays(startDate, rule.count);
    case 'working-days':
      return rule.count === 0
        ? calendar.nextWorkingDayOnOrAfter(startDate)
        : calendar.addWorkingDays(startDate, rule.count);
  }
}
