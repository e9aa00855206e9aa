import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireText } from './application-input.ts';

import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** 不予受理 with a coded reason; the lifecycle bars "respondent unwilling" where the firm must mediate. */
export async function refuseApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reasonCode: string; note: string }>,
): Promise<CaseDetail> {
  const note = requireText('note', input.note, INPUT_LIMITS.note);
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'refuse',
    expectedVersion: input.expectedVersion,
    input: { reasonCode: input.reasonCode },
    note,
    payload: { reasonCode: input.reasonCode },
    changes: () => ({ not_accepted_reason_code: input.reasonCode, not_accepted_note: note }),
  });
}
