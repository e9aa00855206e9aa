import type { Deps, RequestContext } from '../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import { applyCourtTransition } from './court-transition.ts';

/**
 * The court's clock (a job): every referral still mediating after the last day of its period is marked expired —
 * to be filed (B) or returned to trial (C). The organization's own closing report may still follow and is kept.
 * Idempotent: a case another instance moved first is skipped.
 */
export async function expireOverdueReferrals(deps: Deps): Promise<{ expired: number }> {
  const today = todayInShanghai(deps.now());
  const due = await deps.db
    .selectFrom('court_cases')
    .select(['id', 'kind'])
    .where('status', '=', 'mediating')
    .where('next_deadline_kind', '=', 'mediation')
    .where('next_deadline_date', '<', today)
    .orderBy('next_deadline_date')
    .limit(500)
    .execute();
  const ctx: RequestContext = { actor: null, requestId: 'job:court.expire-referrals', actorRole: null };
  let expired = 0;
  for (const { id, kind } of due) {
    try {
      await deps.db.transaction().execute((trx) =>
        applyCourtTransition(deps, ctx, trx, {
          caseId: id,
          kind,
          event: 'expire',
          note: null,
        } as Parameters<typeof applyCourtTransition>[3]),
      );
      expired += 1;
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  return { expired };
}
