import type { Deps, SignedInContext } from '../../../deps.ts';
import { choosingPartyOf } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { applyCaseTransition, type CaseChanges } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import { loadCaseFacts } from './case-facts.ts';
import { requireMediatorOf } from './mediator-membership.ts';
import type { CaseDetail } from './present-case.ts';

/** A party picks a mediator from the roster; when both parties pick the same one, mediation starts with them. */
export async function chooseMediator(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ mediatorId: string }>,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'choose-mediator',
    expectedVersion: input.expectedVersion,
    input: { mediatorId: input.mediatorId },
    payload: { mediatorId: input.mediatorId },
    changes: async (trx, before, to) => {
      await requireMediatorOf(trx, before.organization_id, input.mediatorId, deps.now());
      const party = choosingPartyOf({ actor: ctx.actor, case: await loadCaseFacts(trx, before) });
      const changes: CaseChanges =
        party === 'respondent'
          ? { mediator_choice_respondent: input.mediatorId }
          : { mediator_choice_investor: input.mediatorId };
      return to === 'mediating' ? { ...changes, mediator_user_id: input.mediatorId } : changes;
    },
  });
}
