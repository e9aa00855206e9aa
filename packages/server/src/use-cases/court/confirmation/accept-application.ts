import type { Deps, SignedInContext } from '../../../deps.ts';
import { todayInShanghai, yearOf } from '@sutiao/domain/calendar/dates.ts';
import { nextCourtCaseNumber } from '../case-numbers.ts';
import { actorCourt } from '../court-case-access.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import type { CourtEventInput } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

/**
 * The filing officer accepts a judicial confirmation application (within 3 days): the case gets its 民特 number
 * ((2026)沪0101民特6号, gapless per court and year), the 15-day review starts, and the parties are told.
 */
export function acceptApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput,
): Promise<CourtCaseDetail> {
  return runConfirmationEvent(deps, ctx, 'court.file', input, async (trx) => ({
    event: 'accept',
    changes: async () => {
      const court = await actorCourt(trx, ctx.actor);
      const number = await nextCourtCaseNumber(trx, court, yearOf(todayInShanghai(deps.now())), '民特');
      return { filing_number: number };
    },
  }));
}
