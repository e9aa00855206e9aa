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
import type { CourtCaseRow } from '../court-case-access.ts';
import { applyConfirmationTransition, type ConfirmationKernelRequest } from './confirmation-binding.ts';
import { receiveConfirmationApplication } from './receive-application.ts';

type Effect = Omit<ConfirmationKernelRequest, 'id' | 'locked' | 'today'>;

/** The confirmation case an application's later message names (by the application's id), locked. */
async function applicationCase(trx: Kysely<DB>, message: InboundMessage): Promise<CourtCaseRow> {
  const row = message.caseRef
    ? await trx
        .selectFrom('court_cases')
        .selectAll()
        .where('kind', '=', 'confirmation')
        .where('peer_id', '=', message.senderId)
        .where('link_ref', '=', message.caseRef)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!row)
    throw dockingRejection('UNKNOWN_CASE', `no confirmation application ${message.caseRef ?? '(none)'}`);
  return row;
}

function handler<T extends DockingMessageType>(
  effect: (message: InboundMessage<T>, row: CourtCaseRow) => Effect,
): InboundHandler<T> {
  return async (deps: Deps, trx: Kysely<DB>, message: InboundMessage<T>) => {
    const row = await applicationCase(trx, message);
    const ctx: RequestContext = { actor: null, requestId: `docking:${message.messageId}`, actorRole: null };
    const request = effect(message, row);
    try {
      await applyConfirmationTransition(deps, ctx, trx, {
        actorName: row.organization_name ?? message.senderId,
        ...request,
        payload: { messageId: message.messageId, sequence: message.sequence, ...request.payload },
        id: row.id,
        locked: row,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw dockingRejection('CASE_STATE', `${message.type} in state ${row.status}: ${error.messageEn}`);
    }
  };
}

const SIDE = { investor: '申请人（投资者）', respondent: '申请人（被申请人）' } as const;

/** The court platform's handlers of the mediation platform's confirmation messages. */
export const CONFIRMATION_COURT_HANDLERS: InboundHandlers = {
  'confirmation.apply': receiveConfirmationApplication,
  'confirmation.supplement': handler<'confirmation.supplement'>(({ body }) => ({
    event: 'receive-supplement',
    note: `${SIDE[body.by]}：${body.answer}`,
    payload: { by: body.by },
  })),
  'confirmation.withdrawal': handler<'confirmation.withdrawal'>(({ body }) => ({
    event: 'withdraw',
    note: `${SIDE[body.by]}撤回申请：${body.reason}`,
    changes: () => ({
      outcome_note: body.reason,
      ruling: JSON.stringify({ decision: 'withdrawn', groundCode: null, reason: body.reason }),
    }),
    payload: { by: body.by },
  })),
};
