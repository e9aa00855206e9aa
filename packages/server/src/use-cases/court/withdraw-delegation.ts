import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/**
 * The court withdraws a delegation (the plaintiff withdraws the complaint, or the court takes it back): while the
 * organization holds the case, case.withdrawal tells it; after its report, a filing notice.
 */
export function withdrawDelegation(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.delegate', input, () => ({
    event: 'withdraw',
    note,
    input: { note },
    changes: () => ({ outcome_note: note }),
  }));
}
