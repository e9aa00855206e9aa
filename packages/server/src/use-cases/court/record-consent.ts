import type { Deps, SignedInContext } from '../../deps.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';
import type { CourtCaseDetail } from './present-court-case.ts';

/** The parties consent to mediation (B: before delegation; C: the court's proposal for a filed case), with a note. */
export function recordConsent(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.workbench', input, () => ({
    event: 'record-consent',
    note,
    input: { note },
    changes: () => ({ consent_note: note, consent_recorded_at: deps.now() }),
  }));
}
