import type { IsoDate } from '@sutiao/domain/calendar/dates.ts';
import { COURT_DELEGATION } from '@sutiao/domain/lifecycles/court-delegation.ts';
import { COURT_ENTRUSTMENT } from '@sutiao/domain/lifecycles/court-entrustment.ts';
import { COURT_CONFIRMATION } from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { availableEvents, isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import type { CourtCaseRow } from './court-case-access.ts';
import { confirmationFacts } from './confirmation/confirmation-binding.ts';

/** The kinds of court case: pre-filing delegation (B), post-filing entrustment (C), judicial confirmation (D). */
export type CourtCaseKind = CourtCaseRow['kind'];

/** Whether a court case of any kind has ended. */
export function isCourtCaseClosed(row: Pick<CourtCaseRow, 'kind' | 'status'>): boolean {
  switch (row.kind) {
    case 'delegation':
      return isTerminal(COURT_DELEGATION, row.status as never);
    case 'entrustment':
      return isTerminal(COURT_ENTRUSTMENT, row.status as never);
    case 'confirmation':
      return isTerminal(COURT_CONFIRMATION, row.status as never);
  }
}

/** The events a court user may fire now on a case, by its kind's lifecycle (guards needing a body unchecked). */
export function courtAbilities(row: CourtCaseRow, actor: Actor, today: IsoDate): string[] {
  if (row.kind === 'confirmation') {
    return availableEvents(COURT_CONFIRMATION, row.status as never, {
      actor,
      today,
      case: confirmationFacts(row),
    });
  }
  const lifecycle = row.kind === 'delegation' ? COURT_DELEGATION : COURT_ENTRUSTMENT;
  return availableEvents(lifecycle as typeof COURT_DELEGATION, row.status as never, {
    actor,
    today,
    case: {
      deadlineDate: row.next_deadline_kind === 'mediation' ? row.next_deadline_date : null,
      extensionDays: row.extension_days,
    },
  });
}
