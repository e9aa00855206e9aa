import type { Deps, SignedInContext } from '../../deps.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, noteOf, runCourtEvent } from './run-court-event.ts';

/**
 * Extends a running mediation period with the parties' recorded consent (the note says how it was given): at most
 * 30 days in total; for an entrustment the days are not counted in the trial period. case.extension goes out.
 */
export function extendPeriod(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { days: number; note: string },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runCourtEvent(deps, ctx, 'court.workbench', input, (_trx, row) => ({
    event: 'extend',
    note,
    input: { note, days: input.days },
    changes: () => ({ extension_days: row.extension_days + input.days }),
    payload: { days: input.days },
  }));
}
