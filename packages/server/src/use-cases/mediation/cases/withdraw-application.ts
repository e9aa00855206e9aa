import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The applicant withdraws (撤回) at any time before an agreement takes effect. */
export async function withdrawApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reason?: string | undefined }>,
): Promise<CaseDetail> {
  const reason = input.reason?.trim() || null;
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'withdraw',
    expectedVersion: input.expectedVersion,
    note: reason,
    changes: () => ({ closing_reason: reason }),
  });
}
