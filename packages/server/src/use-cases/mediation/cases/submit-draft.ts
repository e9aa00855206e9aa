import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseDetail } from './present-case.ts';
import { submitRequest } from './submit-application.ts';

/** Submits a saved draft: case number and registration deadline, as when submitting at creation. */
export async function submitDraft(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; expectedVersion: number },
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, submitRequest(deps, input.caseId, input.expectedVersion));
}
