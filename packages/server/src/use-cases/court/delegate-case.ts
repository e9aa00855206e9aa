import type { Deps, SignedInContext } from '../../deps.ts';
import { yearOf } from '@sutiao/domain/calendar/dates.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { nextCourtCaseNumber } from './case-numbers.ts';
import { actorCourt } from './court-case-access.ts';
import { chosenOrganization } from './court-directory.ts';
import { complaintParties, loadParties } from './court-parties.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, runCourtEvent } from './run-court-event.ts';

export interface DelegateCaseInput extends CourtEventInput {
  organizationId: string;
  mediatorId?: string | null;
}

/**
 * 诉前委派 in one action: the pre-filing number ((2026)沪74民诉前调12号, gapless per court and year), the organization
 * and optional mediator from the synced directory, the 30-day period, and case.delegate in the outbox.
 */
export function delegateCase(
  deps: Deps,
  ctx: SignedInContext,
  input: DelegateCaseInput,
): Promise<CourtCaseDetail> {
  return runCourtEvent(deps, ctx, 'court.delegate', input, async (trx, row) => {
    const { entry, mediator } = await chosenOrganization(trx, input.organizationId, input.mediatorId);
    const court = await actorCourt(trx, ctx.actor);
    const parties = await loadParties(deps, trx, row.id);
    return {
      event: 'delegate',
      input: { organizationId: entry.organizationId },
      referral: { court, parties: complaintParties(parties) },
      changes: async () => ({
        pre_filing_number: await nextCourtCaseNumber(
          trx,
          court,
          yearOf(todayInShanghai(deps.now())),
          '民诉前调',
        ),
        peer_id: entry.peerId,
        organization_id: entry.organizationId,
        organization_name: entry.name,
        mediator_id: mediator?.id ?? null,
        mediator_name: mediator?.name ?? null,
      }),
      payload: { organizationId: entry.organizationId, mediatorId: mediator?.id ?? null },
    };
  });
}
