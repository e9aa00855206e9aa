import type { Deps, SignedInContext } from '../../../deps.ts';
import {
  CONFIRMATION_REFUSAL_GROUNDS,
  isRefusalGround,
} from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import { type CourtEventInput, noteOf } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

/** The filing officer does not accept an application (不予受理), with a coded ground and the reason in words. */
export function refuseApplication(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { groundCode?: string | null; note?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  const groundCode = input.groundCode ?? null;
  const label = isRefusalGround(groundCode) ? CONFIRMATION_REFUSAL_GROUNDS[groundCode].zh : groundCode;
  return runConfirmationEvent(deps, ctx, 'court.file', input, () => ({
    event: 'refuse',
    input: { groundCode, note },
    note: note ? `${label}：${note}` : label,
    changes: () => ({
      outcome_note: note,
      ruling: JSON.stringify({ decision: 'not-accepted', groundCode, reason: note }),
    }),
    payload: { groundCode },
  }));
}
