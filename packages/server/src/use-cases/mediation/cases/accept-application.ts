import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization accepts (受理) the case once the respondent agrees or is bound to mediate (证券法 art. 94). */
export async function acceptApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'accept',
    expectedVersion: input.expectedVersion,
  });
}
