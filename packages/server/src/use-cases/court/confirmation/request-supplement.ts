import type { Deps, SignedInContext } from '../../../deps.ts';
import type { IsoDate } from '@sutiao/domain/calendar/dates.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import { type CourtEventInput, noteOf } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

/**
 * The judge asks one party or both to supplement their statements or materials by a date (限期补充); the request
 * goes to the mediation platform, where the party answers online.
 */
export function requestSupplement(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & {
    of?: 'investor' | 'respondent' | 'both';
    note?: string | null;
    dueDate?: IsoDate | null;
  },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  const dueDate = input.dueDate ?? null;
  return runConfirmationEvent(deps, ctx, 'court.confirm', input, () => ({
    event: 'request-supplement',
    input: { note, dueDate },
    note,
    changes: () => ({
      supplement_of: input.of ?? 'both',
      supplement_questions: note,
      supplement_due_date: dueDate,
    }),
    payload: { of: input.of ?? 'both', dueDate },
  }));
}
