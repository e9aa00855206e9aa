import type { Kysely, Selectable } from 'kysely';
import type { CaseEventsTable, DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { runTransition } from '../../common/transitions/transition-kernel.ts';
import { CASE_BINDING, type CaseKernelRequest } from './case-lifecycle-binding.ts';
import type { FactInputs } from './case-facts.ts';
import { presentCaseDetail } from './get-case.ts';
import type { LoadedCase } from './load-case.ts';
import type { CaseDetail } from './present-case.ts';

export type { CaseChanges } from './case-lifecycle-binding.ts';
// Lifecycle A's use cases send their e-mails with the kernel's helper.
export { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';

/** One event of lifecycle A, as the case use cases ask for it. */
interface CaseTransitionRequest extends Omit<CaseKernelRequest, 'id' | 'locked' | 'inputs'> {
  caseId: string;
  /** The version the client read; a different current version is CASE_STATE_CONFLICT. */
  expectedVersion: number;
  /**
   * The case as the caller has just created it in this transaction (so its row is already locked), with what its
   * facts read: saves reading back what was just written.
   */
  created?: { case: LoadedCase; inputs: FactInputs };
}

interface TransitionOutcome {
  before: LoadedCase;
  after: LoadedCase;
  /** E-mails to send once the transaction has committed. */
  emails: Notification[];
  /** The transition's timeline entry and the case's facts afterwards, as written. */
  event: Selectable<CaseEventsTable>;
  facts: DirectCaseFacts;
}

/**
 * One transition of lifecycle A inside the caller's transaction, through the transition kernel: state, timeline,
 * audit record, notices, the next deadline and (for `submit`) the case number — all of it or none of it.
 */
export async function applyCaseTransitionInTrx(
  deps: Deps,
  ctx: SignedInContext,
  trx: Kysely<DB>,
  { caseId, created, ...request }: CaseTransitionRequest,
): Promise<TransitionOutcome> {
  const result = await runTransition(deps, ctx, trx, CASE_BINDING, {
    ...request,
    id: caseId,
    ...(created ? { locked: created.case, inputs: created.inputs } : {}),
  });
  return {
    before: result.before,
    after: result.after,
    emails: result.emails,
    // Lifecycle A always writes its timeline.
    event: result.entry!,
    facts: result.facts.case,
  };
}

/** A transition in its own transaction, answering the updated CaseDetail as the actor sees it. */
export async function applyCaseTransition(
  deps: Deps,
  ctx: SignedInContext,
  request: CaseTransitionRequest,
): Promise<CaseDetail> {
  const outcome = await deps.db
    .transaction()
    .execute((trx) => applyCaseTransitionInTrx(deps, ctx, trx, request));
  await sendAfterCommit(deps, outcome.emails);
  // The actor just acted on the case, so they get its new state even if it left their view (a recused mediator).
  return presentCaseDetail(deps.db, ctx.actor, outcome.after, { facts: outcome.facts });
}
