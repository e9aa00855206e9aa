import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import type { DirectEvent } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type { DirectEventInput } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { dockingRejection, type InboundMessage } from '../../docking/inbound-handler.ts';
import { applyCaseTransitionInTrx, type CaseChanges } from '../cases/case-transition.ts';
import { courtLinkContext } from './referral-actor.ts';
import { referredCaseOf } from './referred-case.ts';

/**
 * Fires one lifecycle A event on the case a court's message is about, as the court-link system user, inside the
 * inbox's transaction. A case in a state where the table has no such row (or a failing guard) is a CASE_STATE
 * rejection: the court is told, nothing changes here.
 */
export async function fireFromCourt(
  deps: Deps,
  trx: Kysely<DB>,
  message: InboundMessage,
  event: DirectEvent,
  options: { note?: string; input?: DirectEventInput; changes?: CaseChanges } = {},
): Promise<void> {
  const c = await referredCaseOf(trx, message);
  try {
    const outcome = await applyCaseTransitionInTrx(deps, courtLinkContext(message), trx, {
      caseId: c.id,
      event,
      expectedVersion: c.version,
      note: options.note ?? null,
      ...(options.input ? { input: options.input } : {}),
      payload: { messageId: message.messageId },
      ...(options.changes ? { changes: () => options.changes as CaseChanges } : {}),
    });
    for (const email of outcome.emails) message.afterCommit(() => deps.notify.send(email));
  } catch (error) {
    if (isAppError(error)) throw dockingRejection('CASE_STATE', `${event} in ${c.status}: ${error.code}`);
    throw error;
  }
}
