import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization consults the respondent firm (one-party application), starting the acceptance period. */
export async function consultRespondent(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'consult-respondent',
    expectedVersion: input.expectedVersion,
  });
}
