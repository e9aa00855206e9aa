import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { applicationWindowLastDay } from '@sutiao/domain/confirmation/clocks.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { noticesFor } from './application-notices.ts';
import { confirmationOptions } from './confirmation-options.ts';
import { sideOf } from './confirmation-parties.ts';
import { type CaseConfirmation, getConfirmation } from './get-confirmation.ts';

export const STATEMENT_MAX = 2000;

export interface ApplyInput {
  caseId: string;
  courtId: string;
  /** The party's statement (声明): the agreement was reached voluntarily, is true and harms no one. */
  statement: string;
}

/**
 * One party applies for judicial confirmation of the case's effective agreement; the other party's confirmation
 * makes it joint (民事诉讼法 第二百零五条). Refused with every reason when the pre-check finds one (not effective,
 * after the 30th day, an application already live, no competent court); the court must be one routed for the case.
 */
export async function applyForConfirmation(
  deps: Deps,
  ctx: SignedInContext,
  input: ApplyInput,
): Promise<CaseConfirmation> {
  requirePermission(ctx, 'confirmation.apply');
  const statement = input.statement.trim();
  if (!statement)
    throw appError('VALIDATION_FAILED', {
      reason: { zh: '须填写当事人声明', en: 'the statement is required' },
    });
  const emails = await deps.db.transaction().execute(async (trx) => {
    const c = await loadReadableCase(trx, ctx.actor, input.caseId, { forUpdate: true });
    const side = sideOf(ctx.actor, c);
    if (!side) throw appError('CONFIRMATION_NOT_A_PARTY');
    const options = await confirmationOptions(deps, trx, c);
    if (options.problems.length > 0 || !options.agreement || !options.effectiveDate) {
      const reason = options.problems.map((p) => p.zh).join('；');
      throw appError(
        'CONFIRMATION_NOT_ALLOWED',
        { reason: { zh: reason, en: options.problems.map((p) => p.en).join('; ') } },
        { problems: options.problems },
      );
    }
    const court = options.courts.find((c) => c.courtId === input.courtId);
    if (!court) throw appError('CONFIRMATION_COURT_NOT_COMPETENT');
    const at = deps.now();
    const lastDay = applicationWindowLastDay(options.effectiveDate);
    const row = await trx
      .insertInto('confirmation_applications')
      .values({
        id: newId(),
        case_id: c.id,
        agreement_id: options.agreement.id,
        status: 'awaiting_co_applicant',
        version: 1,
        applied_by: side,
        applicant_user_id: ctx.actor.userId,
        statements: JSON.stringify({
          [side]: { text: statement, at: at.toISOString(), userId: ctx.actor.userId },
        }),
        court_peer_id: court.peerId,
        court_id: court.courtId,
        court_name: court.courtName,
        court_code: court.courtCode,
        routing_basis: court.basis,
        routing_reason: court.reason.zh,
        effective_date: options.effectiveDate,
        window_last_day: lastDay,
        next_deadline_kind: 'application-window',
        next_deadline_date: lastDay,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('confirmation_application_events')
      .values({
        application_id: row.id,
        event: 'apply',
        from_status: null,
        to_status: row.status,
        actor_user_id: ctx.actor.userId,
        actor_name: await displayNameOf(trx, ctx.actor.userId),
        at,
        note: statement,
        payload: JSON.stringify({ side, courtId: court.courtId, basis: court.basis }),
      })
      .execute();
    const notices = await noticesFor(
      trx,
      row,
      `${side === 'investor' ? '投资者' : '被申请人'}申请司法确认，请确认是否共同申请`,
      ctx.actor.userId,
    );
    await notifyUsers(trx, notices.messages);
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'confirmation.application.apply',
        targetType: 'confirmation-application',
        targetId: row.id,
        outcome: 'success',
        details: {
          caseId: c.id,
          agreementId: row.agreement_id,
          side,
          courtId: court.courtId,
          basis: court.basis,
          windowLastDay: lastDay,
          today: todayInShanghai(at),
        },
      },
      at,
    );
    return notices.emails;
  });
  await sendAfterCommit(deps, emails);
  return getConfirmation(deps, ctx, { caseId: input.caseId });
}
