import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization registers (登记) a complete application, starting the consultation period. */
export async function registerApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'register',
    expectedVersion: input.expectedVersion,
  });
}
