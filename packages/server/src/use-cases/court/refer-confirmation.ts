import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/**
 * A settled delegation goes to judicial confirmation (司法确认, lifecycle D) at this court: the delegation ends
 * here; the confirmation case (民特) is D's.
 */
export function referConfirmation(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.delegate', input, () => ({
    event: 'refer-confirmation',
    note,
    input: { note },
  }));
}
