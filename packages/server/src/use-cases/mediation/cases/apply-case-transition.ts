import type { Kysely, Selectable, Updateable } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { CaseEventsTable, CasesTable, DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { DIRECT_APPLICATION } from '@sutiao/domain/lifecycles/direct-application.ts';
import {
  DIRECT_EVENT_LABELS,
  DIRECT_STATE_LABELS,
  type DirectEvent,
  type DirectState,
} from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type {
  DirectCaseFacts,
  DirectEventInput,
} from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { dueDate } from '@sutiao/domain/lifecycles/deadline-rules.ts';
import { type FireResult, fire, isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import { mayFire } from './case-abilities.ts';
import { loadReadableCase } from './case-access.ts';
import { caseFactsOf, type FactInputs, loadFactInputs } from './case-facts.ts';
import { composeNotices } from './case-notices.ts';
import { presentCaseDetail } from './get-case.ts';
import { type LoadedCase, loadCase } from './load-case.ts';
import { numberCaseAtEnd, PENDING_CASE_NUMBER } from './number-case-at-end.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import type { CaseDetail } from './present-case.ts';

export type CaseChanges = Omit<Updateable<CasesTable>, 'id' | 'status' | 'version'>;

export interface CaseTransitionRequest {
  caseId: string;
  event: DirectEvent;
  /** The version the client read; a different current version is CASE_STATE_CONFLICT. */
  expectedVersion: number;
  /** The event's body, as far as the lifecycle's guards read it. */
  input?: DirectEventInput;
  /** Shown on the timeline. */
  note?: string | null;
  /** Extra audit and timeline details. */
  payload?: Record<string, unknown>;
  /** Columns written by the same compare-and-set update (reply, reasons, mediator…), given the decided state. */
  changes?: (trx: Kysely<DB>, before: LoadedCase, to: DirectState) => CaseChanges | Promise<CaseChanges>;
  /** Further writes in the same transaction once the case row has moved (evidence links, agreement rows). */
  afterUpdate?: (trx: Kysely<DB>, before: LoadedCase, to: DirectState) => Promise<void>;
  /** Give the case its number at the very end of the transaction (number-case-at-end.ts): the `submit` event. */
  numberCase?: boolean;
  /**
   * The case as the caller has just created it in this transaction (so its row is already locked), with what its
   * facts read: saves reading back what was just written.
   */
  created?: { case: LoadedCase; inputs: FactInputs };
  /** The actor's display name for the timeline, when the caller already has it. */
  actorName?: string;
}

export interface TransitionOutcome {
  before: LoadedCase;
  after: LoadedCase;
  /** E-mails to send once the transaction has committed. */
  emails: Notification[];
  /** The transition's timeline entry and the case's facts afterwards, as written. */
  event: Selectable<CaseEventsTable>;
  facts: DirectCaseFacts;
}

type Refusal = Exclude<FireResult<DirectState, string>, { ok: true }>;

function refusalError(result: Refusal, state: DirectState, event: DirectEvent) {
  switch (result.code) {
    case 'CASE_ILLEGAL_EVENT':
      return appError('CASE_ILLEGAL_EVENT', {
        state: DIRECT_STATE_LABELS[state] ?? state,
        event: DIRECT_EVENT_LABELS[event],
      });
    case 'FORBIDDEN':
      return appError('FORBIDDEN');
    case 'GUARD_FAILED': {
      const guard = DIRECT_APPLICATION.guards[result.guard as keyof typeof DIRECT_APPLICATION.guards];
      return appError('GUARD_FAILED', { guard: { zh: guard.zh, en: guard.en } }, { guard: result.guard });
    }
  }
}

/**
 * One transition of lifecycle A inside the caller's transaction: lock the case, check who may act, let the
 * lifecycle decide (guards), write the new state as a compare-and-set, then the timeline, the audit record,
 * the inbox notices and the next deadline — so either all of it exists or none of it does.
 */
export async function applyCaseTransitionInTrx(
  deps: Deps,
  ctx: SignedInContext,
  trx: Kysely<DB>,
  request: CaseTransitionRequest,
): Promise<TransitionOutcome> {
  const { actor } = ctx;
  const before = request.created
    ? request.created.case
    : await loadReadableCase(trx, actor, request.caseId, { forUpdate: true });
  if (!mayFire(actor, request.event)) throw appError('FORBIDDEN');
  if (before.version !== request.expectedVersion) throw appError('CASE_STATE_CONFLICT');
  const state = before.status as DirectState;
  const inputs = request.created?.inputs ?? (await loadFactInputs(trx, before.id));
  const facts = caseFactsOf(before, inputs);
  const result = fire(DIRECT_APPLICATION, state, request.event, {
    actor,
    case: facts,
    state,
    ...(request.input ? { input: request.input } : {}),
  });
  if (!result.ok) throw refusalError(result, state, request.event);

  const now = deps.now();
  const deadline = result.deadline
    ? { kind: result.deadline.kind, date: dueDate(result.deadline, todayInShanghai(now), prcWorkingDays) }
    : result.keepDeadline
      ? { kind: before.next_deadline_kind, date: before.next_deadline_date }
      : { kind: null, date: null };
  const changes = request.changes ? await request.changes(trx, before, result.to) : {};
  // Conditional update so two concurrent transitions from the same version can't both proceed.
  const updated = await trx
    .updateTable('cases')
    .set({
      ...changes,
      status: result.to,
      version: before.version + 1,
      next_deadline_kind: deadline.kind,
      next_deadline_date: deadline.date,
      updated_at: now,
      ...(isTerminal(DIRECT_APPLICATION, result.to) ? { closed_at: now } : {}),
    })
    .where('id', '=', before.id)
    .where('status', '=', before.status)
    .where('version', '=', request.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw appError('CASE_STATE_CONFLICT');
  if (request.afterUpdate) await request.afterUpdate(trx, before, result.to);

  // The organizations' columns are the before's unless the transition moved the case to another organization.
  const after: LoadedCase =
    updated.organization_id === before.organization_id &&
    updated.respondent_org_id === before.respondent_org_id
      ? { ...before, ...updated }
      : ((await loadCase(trx, before.id)) as LoadedCase);
  const actorName =
    request.actorName ??
    (
      await trx
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow()
    ).display_name;
  const event = await trx
    .insertInto('case_events')
    .values({
      case_id: before.id,
      event: request.event,
      from_status: before.status,
      to_status: result.to,
      actor_user_id: actor.userId,
      actor_role: ctx.actorRole ?? null,
      actor_name: actorName,
      at: now,
      note: request.note ?? null,
      payload: JSON.stringify(request.payload ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Only `afterUpdate` writes what the facts read besides the case row (agreement rows, …).
  const afterFacts = caseFactsOf(after, request.afterUpdate ? await loadFactInputs(trx, after.id) : inputs);
  if (request.numberCase) after.case_number = PENDING_CASE_NUMBER;
  const notices = await composeNotices(trx, after, afterFacts, request.event, actor.userId);
  const details: Record<string, unknown> = {
    event: request.event,
    from: before.status,
    to: result.to,
    version: after.version,
    caseNumber: after.case_number,
    ...(deadline.date ? { deadline } : {}),
    ...request.payload,
  };
  if (request.numberCase) {
    await numberCaseAtEnd(trx, after, todayInShanghai(now), notices, details);
  } else {
    await notifyUsers(trx, notices.messages);
  }
  // Inside `withAuditBatch` this record is written last, after the number (details are hashed then).
  await appendAudit(
    trx,
    {
      requestId: ctx.requestId,
      actorUserId: actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: `case.${request.event}`,
      targetType: 'case',
      targetId: before.id,
      outcome: 'success',
      details,
    },
    now,
  );
  return { before, after, emails: notices.emails, event, facts: afterFacts };
}

/** Sends notifications after commit; a failing mail gateway must not undo a recorded transition. */
export async function sendAfterCommit(deps: Deps, emails: readonly Notification[]): Promise<void> {
  await Promise.all(emails.map((email) => deps.notify.send(email).catch(() => undefined)));
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
  return presentCaseDetail(deps.db, ctx.actor, outcome.after);
}
