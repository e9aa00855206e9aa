import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/** After a settlement the judge allows the plaintiff's withdrawal (准许撤诉) instead of a 调解书; the organization is told. */
export function recordPlaintiffWithdrawal(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.adjudicate', input, () => ({
    event: 'record-withdrawal',
    note,
    input: { note },
    changes: () => ({ outcome_note: note }),
  }));
}
