import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { MAX_AMOUNT_FEN } from '@sutiao/domain/money.ts';
import { displayNameOf } from '../common/auth/display-name.ts';
import { requirePermission } from '../common/require-permission.ts';
import { actorCourt } from './court-case-access.ts';
import { insertParties, normalizeParties, type PartyInput } from './court-parties.ts';
import { type CourtCaseDetail, presentDetail } from './present-court-case.ts';

export interface EnterComplaintInput {
  parties: PartyInput[];
  claims: string;
  claimAmountFen: number;
  facts: string;
}

/**
 * A complaint reaches the court (lifecycle B starts: complaint_entered): its parties with ID numbers or credit
 * codes (stored encrypted), the claims (诉讼请求) and amount, the facts. Missing parties or claims are refused with
 * their own codes; nothing is written then.
 */
export async function enterComplaint(
  deps: Deps,
  ctx: SignedInContext,
  input: EnterComplaintInput,
): Promise<CourtCaseDetail> {
  requirePermission(ctx, 'court.delegate');
  const parties = normalizeParties(input.parties);
  const claims = input.claims.trim();
  const facts = input.facts.trim();
  if (!claims || !Number.isSafeInteger(input.claimAmountFen) || input.claimAmountFen < 1) {
    throw appError('COURT_CLAIMS_MISSING');
  }
  if (input.claimAmountFen > MAX_AMOUNT_FEN) throw appError('COURT_CLAIMS_MISSING');
  if (!facts) throw appError('VALIDATION_FAILED', { reason: '事实与理由 / facts' });
  const at = deps.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const court = await actorCourt(trx, ctx.actor);
    const id = newId();
    const created = await trx
      .insertInto('court_cases')
      .values({
        id,
        kind: 'delegation',
        status: 'complaint_entered',
        version: 1,
        court_id: court.id,
        origin_case_id: null,
        link_ref: null,
        pre_filing_number: null,
        filing_number: null,
        procedure: null,
        claims,
        claim_amount_fen: input.claimAmountFen,
        facts,
        peer_id: null,
        organization_id: null,
        organization_name: null,
        mediator_id: null,
        mediator_name: null,
        organization_case_number: null,
        consent_note: null,
        consent_recorded_at: null,
        closing_result: null,
        closing_reason: null,
        closing_report: null,
        undisputed_facts: null,
        outcome_note: null,
        next_deadline_kind: null,
        next_deadline_date: null,
        created_by_user_id: ctx.actor.userId,
        created_at: at,
        updated_at: at,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertParties(deps, trx, id, parties);
    await trx
      .insertInto('court_case_events')
      .values({
        case_id: id,
        event: 'enter-complaint',
        from_status: null,
        to_status: 'complaint_entered',
        actor_user_id: ctx.actor.userId,
        actor_role: ctx.actorRole ?? null,
        actor_name: await displayNameOf(trx, ctx.actor.userId),
        at,
        note: null,
        payload: JSON.stringify({ parties: parties.length }),
      })
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'court.delegation.enter-complaint',
        targetType: 'court-case',
        targetId: id,
        outcome: 'success',
        details: { to: 'complaint_entered', courtId: court.id, parties: parties.length },
      },
      at,
    );
    return created;
  });
  return presentDetail(deps, ctx, deps.db, row);
}
