import type { Deps, SignedInContext } from '../../deps.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';
import type { CourtCaseDetail } from './present-court-case.ts';

/**
 * A party refuses mediation: a complaint goes on to filing (B: refused, 7 days to file); a filed case stays in trial
 * (C). The note records who refused and why.
 */
export function recordRefusal(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.workbench', input, () => ({
    event: 'record-refusal',
    note,
    input: { note },
    changes: () => ({ outcome_note: note }),
  }));
}
