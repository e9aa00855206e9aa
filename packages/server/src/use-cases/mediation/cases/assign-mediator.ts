import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import { requireMediatorOf } from './mediator-membership.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization assigns a mediator of its own or of a workstation under it; mediation (and its period) starts. */
export async function assignMediator(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ mediatorId: string }>,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'assign-mediator',
    expectedVersion: input.expectedVersion,
    input: { mediatorId: input.mediatorId },
    payload: { mediatorId: input.mediatorId },
    changes: async (trx, before) => {
      await requireMediatorOf(trx, before.organization_id, input.mediatorId, deps.now());
      return { mediator_user_id: input.mediatorId };
    },
  });
}
