import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { addDays } from '@sutiao/domain/lifecycles/direct-application-referrals.ts';
import type { CaseEventInput } from '../cases/case-event-input.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import type { CaseDetail } from '../cases/present-case.ts';

/**
 * The mediator or organization extends a court referral's period by `days` with the parties' consent, recorded in
 * words (`consent`); the court is told (case.extension) and counts it outside its trial period.
 */
export function extendReferral(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ days: number; consent: string }>,
): Promise<CaseDetail> {
  const consent = input.consent.trim();
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'extend',
    expectedVersion: input.expectedVersion,
    input: { days: input.days, note: consent },
    note: consent,
    payload: { days: input.days },
    changes: (_trx, before) => {
      // The period as locked (not as read before the lock) is what moves.
      if (!before.court_deadline_date) throw appError('CASE_STATE_CONFLICT');
      return { court_deadline_date: addDays(before.court_deadline_date, input.days) };
    },
  });
}
