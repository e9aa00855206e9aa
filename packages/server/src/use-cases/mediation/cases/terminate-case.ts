import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireText } from './application-input.ts';

import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization terminates (终止) an open case, with a reason. */
export async function terminateCase(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reason: string }>,
): Promise<CaseDetail> {
  const reason = requireText('reason', input.reason, INPUT_LIMITS.note);
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'terminate',
    expectedVersion: input.expectedVersion,
    input: { reason },
    note: reason,
    changes: () => ({ closing_reason: reason }),
  });
}
