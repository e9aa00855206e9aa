import type { Deps, SignedInContext } from '../../../deps.ts';
import type { CaseEventInput } from '../cases/case-event-input.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import type { CaseDetail } from '../cases/present-case.ts';

/** The organization returns a court's referral (退回) with a coded reason; the court gets it back with the reason. */
export function declineReferral(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reasonCode: string; note?: string | undefined }>,
): Promise<CaseDetail> {
  const note = input.note?.trim() || undefined;
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'decline',
    expectedVersion: input.expectedVersion,
    input: { reasonCode: input.reasonCode, ...(note ? { reason: note } : {}) },
    note: note ?? null,
    payload: { reasonCode: input.reasonCode },
    changes: () => ({ closing_reason: note ?? input.reasonCode }),
  });
}
