import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/** The court recalls an entrustment before it is reported (撤回委托): trial goes on; the organization is told. */
export function recallEntrustment(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.entrust', input, () => ({
    event: 'recall',
    note,
    input: { note },
    changes: () => ({ outcome_note: note }),
  }));
}
