import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../deps.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import {
  dockingRejection,
  type InboundHandler,
  type InboundHandlers,
  type InboundMessage,
} from '../docking/inbound-handler.ts';
import type { CourtCaseRow } from './court-case-access.ts';
import { applyCourtTransition, type CourtTransitionRequest } from './court-transition.ts';

type Effect = Omit<CourtTransitionRequest, 'caseId' | 'kind' | 'locked' | 'event'> & {
  event:
    | 'receive'
    | 'decline'
    | 'extend'
    | 'progress'
    | 'report-settled'
    | 'report-failed'
    | 'report-expired';
};

/** The case a message names, locked, if the sender is the peer it was referred through. */
async function referredCase(trx: Kysely<DB>, message: InboundMessage): Promise<CourtCaseRow> {
  const row = message.caseRef
    ? await trx
        .selectFrom('court_cases')
        .selectAll()
        .where('id', '=', message.caseRef)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!row || row.peer_id !== message.senderId) {
    throw dockingRejection(
      'UNKNOWN_CASE',
      `no case ${message.caseRef ?? '(none)'} referred to ${message.senderId}`,
    );
  }
  return row;
}

/**
 * Applies one of the organization's messages to its court case through lifecycle B or C, as the system (no user),
 * audited like any transition. A case in a state where the message has no meaning is refused (CASE_STATE), and an
 * extension beyond what the lifecycle allows is an INVALID_BODY: nothing is applied either way.
 */
function handler<T extends DockingMessageType>(
  effect: (message: InboundMessage<T>, row: CourtCaseRow) => Effect,
): InboundHandler<T> {
  return async (deps: Deps, trx: Kysely<DB>, message: InboundMessage<T>) => {
    const row = await referredCase(trx, message);
    const ctx: RequestContext = { actor: null, requestId: `docking:${message.messageId}`, actorRole: null };
    const request = effect(message, row);
    try {
      await applyCourtTransition(deps, ctx, trx, {
        actorName: row.organization_name ?? message.senderId,
        ...request,
        payload: { messageId: message.messageId, sequence: message.sequence, ...request.payload },
        caseId: row.id,
        kind: row.kind,
        locked: row,
      } as CourtTransitionRequest);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'GUARD_FAILED') throw dockingRejection('INVALID_BODY', error.messageEn);
      throw dockingRejection('CASE_STATE', `${message.type} in state ${row.status}: ${error.messageEn}`);
    }
  };
}

const RESULT_EVENT = {
  settled: 'report-settled',
  failed: 'report-failed',
  // A party that withdrew from mediation ended it without agreement: the court files or resumes trial.
  withdrawn: 'report-failed',
  expired: 'report-expired',
} as const;

/** The court platform's handlers of the organization's messages (receipt, decline, extension, progress, report). */
export const COURT_INBOUND_HANDLERS: InboundHandlers = {
  'case.receipt': handler<'case.receipt'>(({ body }) => ({
    event: 'receive',
    note: body.organizationCaseNumber,
    changes: () => ({ organization_case_number: body.organizationCaseNumber }),
    payload: { receivedAt: body.receivedAt },
  })),
  'case.decline': handler<'case.decline'>(({ body }) => ({
    event: 'decline',
    note: body.note ? `${body.reasonCode}：${body.note}` : body.reasonCode,
    changes: () => ({ outcome_note: body.note ? `${body.reasonCode}：${body.note}` : body.reasonCode }),
    payload: { reasonCode: body.reasonCode },
  })),
  'case.extension': handler<'case.extension'>(({ body }, row) => ({
    event: 'extend',
    note: body.consentNote,
    input: { note: body.consentNote, days: body.days, newDeadlineDate: body.newDeadlineDate },
    changes: () => ({ extension_days: row.extension_days + body.days }),
    payload: { days: body.days, newDeadlineDate: body.newDeadlineDate },
  })),
  'case.progress': handler<'case.progress'>(({ body }) => ({
    event: 'progress',
    note: [body.mediatorName, body.note].filter(Boolean).join('：') || null,
    changes: () =>
      body.stage === 'mediator-assigned' && body.mediatorName ? { mediator_name: body.mediatorName } : {},
    payload: { stage: body.stage },
  })),
  'case.closing-report': handler<'case.closing-report'>(({ body }) => ({
    event: RESULT_EVENT[body.result],
    note: body.reasonCode,
    changes: () => ({
      closing_result: body.result,
      closing_reason: body.reasonCode,
      closing_report: JSON.stringify(body),
      undisputed_facts: body.undisputedFacts,
    }),
    payload: { result: body.result, reasonCode: body.reasonCode },
  })),
};
