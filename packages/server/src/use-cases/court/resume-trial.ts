import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/** An entrustment that was declined, failed or expired goes back to trial (恢复审理); the organization is told. */
export function resumeTrial(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.adjudicate', input, () => ({
    event: 'resume-trial',
    note,
    input: { note },
  }));
}
