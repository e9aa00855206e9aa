import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireText } from './application-input.ts';

import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization sends a submitted application back for supplement (补正), saying what is missing. */
export async function requestSupplement(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ note: string }>,
): Promise<CaseDetail> {
  const note = requireText('note', input.note, INPUT_LIMITS.note);
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'request-supplement',
    expectedVersion: input.expectedVersion,
    input: { note },
    note,
    changes: () => ({ supplement_request: note }),
  });
}
