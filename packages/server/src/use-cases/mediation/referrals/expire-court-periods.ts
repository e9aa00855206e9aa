import type { Deps } from '../../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import { COURT_PERIOD_STATES } from '@sutiao/domain/lifecycles/direct-application-referrals.ts';
import { systemActor } from '@sutiao/domain/system-actors.ts';
import { newId } from '../../../lib/ids.ts';
import { applyCaseTransitionInTrx, sendAfterCommit } from '../cases/case-transition.ts';

/**
 * The court's mediation period ran out (30 days delegated, 15/7 entrusted, plus recorded extensions) without an
 * effective agreement: the scheduler closes the case as failed (`expire`), which sends the court its closing report
 * (`expired`, with any undisputed facts) so it can file the case or resume trial. Idempotent: a closed case no
 * longer matches.
 */
export async function expireCourtPeriods(deps: Deps): Promise<{ expired: number }> {
  const today = todayInShanghai(deps.now());
  const due = await deps.db
    .selectFrom('cases')
    .select(['id', 'version'])
    .where('source', '!=', 'direct')
    .where('status', 'in', [...COURT_PERIOD_STATES])
    .where('court_deadline_date', '<', today)
    .limit(500)
    .execute();
  let expired = 0;
  const ctx = { actor: systemActor('scheduler', 'mediation'), requestId: newId(), actorRole: 'scheduler' };
  for (const c of due) {
    try {
      const outcome = await deps.db.transaction().execute((trx) =>
        applyCaseTransitionInTrx(deps, ctx, trx, {
          caseId: c.id,
          event: 'expire',
          expectedVersion: c.version,
          note: '法院委派/委托调解期限届满，未达成调解协议',
          changes: () => ({ failure_reason_code: 'deadline-expired' }),
        }),
      );
      await sendAfterCommit(deps, outcome.emails);
      expired += 1;
    } catch (error) {
      // A case that moved meanwhile (an agreement sealed at the last minute) is simply not expired.
      if (!isAppError(error)) throw error;
    }
  }
  return { expired };
}
