import type { Deps, SignedInContext } from '../../../deps.ts';
import type { CaseEventInput } from '../cases/case-event-input.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import type { CaseDetail } from '../cases/present-case.ts';

/** The organization signs for a court's referral (签收): the case is accepted here and the court gets the receipt. */
export function signForReceipt(deps: Deps, ctx: SignedInContext, input: CaseEventInput): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'sign-for-receipt',
    expectedVersion: input.expectedVersion,
  });
}
