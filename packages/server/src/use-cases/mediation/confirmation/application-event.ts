import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { ApplicationEvent } from '@sutiao/domain/lifecycles/confirmation-application.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { applyApplicationTransition, lockApplication } from './application-binding.ts';
import { applicationMessage, supplementMessage, withdrawalMessage } from './application-outgoing.ts';
import { STATEMENT_MAX } from './apply-for-confirmation.ts';
import { sideOf } from './confirmation-parties.ts';
import { type CaseConfirmation, getConfirmation } from './get-confirmation.ts';

/** The parties' events on an application; the court's arrive over the link (`inbound-handlers.ts`). */
export type PartyEvent = Extract<
  ApplicationEvent,
  'co-confirm' | 'co-decline' | 'withdraw' | 'answer-supplement'
>;

export interface ApplicationEventInput {
  applicationId: string;
  expectedVersion: number;
  /** The co-applicant's statement (co-confirm), the reason (co-decline, withdraw) or the answer (answer-supplement). */
  note?: string | null;
}

/** States in which the court holds the application: a withdrawal is sent to it. */
const AT_COURT = ['submitted', 'accepted', 'supplement_requested'];

/**
 * A party acts on an application of a case they are party to, in one transaction through lifecycle D: the second
 * party's confirmation sends the joint application to the court; a withdrawal the court holds and an answer to its
 * supplement request go to it as well.
 */
export async function fireApplicationEvent(
  deps: Deps,
  ctx: SignedInContext,
  event: PartyEvent,
  input: ApplicationEventInput,
): Promise<CaseConfirmation> {
  requirePermission(ctx, 'confirmation.apply');
  const note = input.note?.trim() || null;
  if (note && note.length > STATEMENT_MAX) {
    throw appError('VALIDATION_FAILED', {
      reason: { zh: `说明不超过 ${STATEMENT_MAX} 字`, en: `at most ${STATEMENT_MAX} characters` },
    });
  }
  let caseId = '';
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await lockApplication(trx, input.applicationId);
    const c = await loadReadableCase(trx, ctx.actor, row.case_id);
    caseId = c.id;
    const side = sideOf(ctx.actor, c);
    if (!side) throw appError('CONFIRMATION_NOT_A_PARTY');
    const at = deps.now();
    const base = {
      id: row.id,
      locked: row,
      expectedVersion: input.expectedVersion,
      actorSide: side,
      note,
      input: { note },
    };
    switch (event) {
      case 'co-confirm': {
        if (!note)
          throw appError('VALIDATION_FAILED', {
            reason: { zh: '须填写当事人声明', en: 'the statement is required' },
          });
        const statements = {
          ...row.statements,
          [side]: { text: note ?? '', at: at.toISOString(), userId: ctx.actor.userId },
        };
        const joint = { ...row, statements };
        return applyApplicationTransition(deps, ctx, trx, {
          ...base,
          event,
          changes: () => ({ statements: JSON.stringify(statements), co_applicant_user_id: ctx.actor.userId }),
          messages: [await applicationMessage(deps, trx, c, joint, at)],
        });
      }
      case 'co-decline':
        return applyApplicationTransition(deps, ctx, trx, {
          ...base,
          event,
          changes: () => ({ outcome_note: note }),
        });
      case 'withdraw':
        return applyApplicationTransition(deps, ctx, trx, {
          ...base,
          event,
          changes: () => ({ outcome_note: note, decision: 'withdrawn' }),
          messages: AT_COURT.includes(row.status) && note ? [withdrawalMessage(row, side, note, at)] : [],
        });
      case 'answer-supplement':
        return applyApplicationTransition(deps, ctx, trx, {
          ...base,
          event,
          messages: note ? [supplementMessage(row, side, note, at)] : [],
          payload: { side },
        });
    }
  });
  await sendAfterCommit(deps, result.emails);
  return getConfirmation(deps, ctx, { caseId });
}
