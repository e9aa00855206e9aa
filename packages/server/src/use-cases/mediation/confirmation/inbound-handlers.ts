import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../../deps.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import {
  dockingRejection,
  type InboundHandler,
  type InboundHandlers,
  type InboundMessage,
} from '../../docking/inbound-handler.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import {
  type ApplicationKernelRequest,
  type ApplicationRow,
  applyApplicationTransition,
} from './application-binding.ts';

type Effect = Omit<ApplicationKernelRequest, 'id' | 'locked' | 'actorSide' | 'today'>;

/**
 * Applies one of the court's decisions to the application it names (the message's caseRef is the application's
 * id), as the system, through lifecycle D. The message must come from the court platform the application went to;
 * a decision the application's state has no room for is refused (CASE_STATE) and nothing is applied.
 */
function handler<T extends DockingMessageType>(
  effect: (message: InboundMessage<T>, row: ApplicationRow) => Effect,
): InboundHandler<T> {
  return async (deps: Deps, trx: Kysely<DB>, message: InboundMessage<T>) => {
    const row = message.caseRef
      ? await trx
          .selectFrom('confirmation_applications')
          .selectAll()
          .where('id', '=', message.caseRef)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!row || row.court_peer_id !== message.senderId) {
      throw dockingRejection(
        'UNKNOWN_CASE',
        `no confirmation application ${message.caseRef ?? '(none)'} sent to ${message.senderId}`,
      );
    }
    const ctx: RequestContext = { actor: null, requestId: `docking:${message.messageId}`, actorRole: null };
    const request = effect(message, row);
    try {
      const result = await applyApplicationTransition(deps, ctx, trx, {
        actorName: row.court_name,
        ...request,
        payload: { messageId: message.messageId, sequence: message.sequence, ...request.payload },
        id: row.id,
        locked: row,
        actorSide: null,
      });
      message.afterCommit(() => sendAfterCommit(deps, result.emails));
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw dockingRejection('CASE_STATE', `${message.type} in state ${row.status}: ${error.messageEn}`);
    }
  };
}

/** The mediation platform's handlers of the court's confirmation messages (acceptance, supplement request, ruling). */
export const CONFIRMATION_INBOUND_HANDLERS: InboundHandlers = {
  'confirmation.acceptance': handler<'confirmation.acceptance'>(({ body }) =>
    body.outcome === 'accepted'
      ? {
          event: 'court-accept',
          note: body.caseNumber,
          changes: () => ({
            court_case_number: body.caseNumber,
            ruling_due_date: body.rulingDueDate,
            next_deadline_kind: body.rulingDueDate ? 'ruling' : null,
            next_deadline_date: body.rulingDueDate,
          }),
          payload: { caseNumber: body.caseNumber },
        }
      : {
          event: 'court-refuse',
          note: body.note ? `${body.groundCode}：${body.note}` : body.groundCode,
          changes: () => ({
            decision: 'not-accepted',
            ground_code: body.groundCode,
            decision_note: body.note,
          }),
          payload: { groundCode: body.groundCode },
        },
  ),
  'confirmation.supplement-request': handler<'confirmation.supplement-request'>(({ body }) => ({
    event: 'court-request-supplement',
    note: body.questions,
    changes: () => ({
      supplement_of: body.of,
      supplement_questions: body.questions,
      supplement_due_date: body.dueDate,
    }),
    payload: { of: body.of, dueDate: body.dueDate },
  })),
  'confirmation.ruling': handler<'confirmation.ruling'>(({ body, messageId }) => ({
    event:
      body.decision === 'confirmed'
        ? 'court-confirm'
        : body.decision === 'rejected'
          ? 'court-reject'
          : 'court-withdrawn',
    note: body.reason ?? body.groundCode,
    changes: () => ({
      decision: body.decision,
      ground_code: body.groundCode,
      decision_note: body.reason,
      court_case_number: body.caseNumber,
      ruling_document: body.document ? JSON.stringify(body.document) : null,
      ruling_verification_code: body.verificationCode,
      ruling_message_id: messageId,
    }),
    payload: { decision: body.decision, caseNumber: body.caseNumber },
  })),
};
