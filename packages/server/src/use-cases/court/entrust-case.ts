import type { Deps, SignedInContext } from '../../deps.ts';
import type { Procedure } from '@sutiao/domain/lifecycles/court-referral.ts';
import { actorCourt } from './court-case-access.ts';
import { chosenOrganization } from './court-directory.ts';
import { complaintParties, loadParties } from './court-parties.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, runCourtEvent } from './run-court-event.ts';

export interface EntrustCaseInput extends CourtEventInput {
  organizationId: string;
  mediatorId?: string | null;
  procedure: Procedure;
}

/**
 * 诉中委托 of a filed case in one action: the organization (and optional mediator) from the directory, the procedure
 * fixing the period (15 days ordinary, 7 summary), and case.entrust in the outbox.
 */
export function entrustCase(
  deps: Deps,
  ctx: SignedInContext,
  input: EntrustCaseInput,
): Promise<CourtCaseDetail> {
  return runCourtEvent(deps, ctx, 'court.entrust', input, async (trx, row) => {
    const { entry, mediator } = await chosenOrganization(trx, input.organizationId, input.mediatorId);
    const court = await actorCourt(trx, ctx.actor);
    const parties = await loadParties(deps, trx, row.id);
    return {
      event: 'entrust',
      input: { organizationId: entry.organizationId, procedure: input.procedure },
      referral: { court, parties: complaintParties(parties) },
      changes: () => ({
        procedure: input.procedure,
        peer_id: entry.peerId,
        organization_id: entry.organizationId,
        organization_name: entry.name,
        mediator_id: mediator?.id ?? null,
        mediator_name: mediator?.name ?? null,
      }),
      payload: {
        organizationId: entry.organizationId,
        mediatorId: mediator?.id ?? null,
        procedure: input.procedure,
      },
    };
  });
}
