import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireText } from './application-input.ts';

import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The mediator withdraws (回避), or the organization removes them; the case returns for a new mediator. */
export async function recuseMediator(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reason: string }>,
): Promise<CaseDetail> {
  const reason = requireText('reason', input.reason, INPUT_LIMITS.note);
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'recuse',
    expectedVersion: input.expectedVersion,
    input: { reason },
    note: reason,
    changes: (_trx, before) => ({
      // The recused mediator can never be assigned or chosen again for this case; earlier choices lapse.
      recused_mediator_ids: JSON.stringify([...(before.recused_mediator_ids ?? []), before.mediator_user_id]),
      mediator_user_id: null,
      mediator_choice_investor: null,
      mediator_choice_respondent: null,
    }),
    payload: { mediatorId: null },
  });
}
