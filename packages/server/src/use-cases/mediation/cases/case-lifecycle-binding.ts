import type { Selectable, Updateable } from 'kysely';
import type { CaseEventsTable, CasesTable } from '../../../adapters/db/schema.ts';
import type { SignedInContext } from '../../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import { DIRECT_APPLICATION } from '@sutiao/domain/lifecycles/direct-application.ts';
import {
  DIRECT_EVENT_LABELS,
  DIRECT_STATE_LABELS,
  type DirectEvent,
  type DirectState,
} from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type {
  DirectCaseFacts,
  DirectContext,
  DirectEventInput,
  DirectParty,
} from '@sutiao/domain/lifecycles/direct-application-context.ts';
import type { DirectGuard } from '@sutiao/domain/lifecycles/direct-application.ts';
import { isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import type { KernelRequest, LifecycleBinding } from '../../common/transitions/lifecycle-binding.ts';
import { mayFire } from './case-abilities.ts';
import { loadReadableCase } from './case-access.ts';
import { caseFactsOf, type FactInputs, loadFactInputs } from './case-facts.ts';
import { composeNotices } from './case-notices.ts';
import { caseNotFound, type LoadedCase, loadCase } from './load-case.ts';
import { referralOutgoing } from '../referrals/referral-outgoing.ts';
import { isSystemUserId } from '@sutiao/domain/system-actors.ts';
import { numberCaseAtEnd, PENDING_CASE_NUMBER } from './number-case-at-end.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';

export type CaseChanges = Omit<Updateable<CasesTable>, 'id' | 'status' | 'version'>;

/** Lifecycle A's types for the transition kernel. */
interface CaseTypes {
  state: DirectState;
  event: DirectEvent;
  guard: DirectGuard;
  party: DirectParty;
  context: DirectContext;
  ctx: SignedInContext;
  row: LoadedCase;
  changes: CaseChanges;
  input: DirectEventInput;
  /** The lifecycle's facts, and what they were read from besides the case row. */
  facts: { case: DirectCaseFacts; inputs: FactInputs };
  entry: Selectable<CaseEventsTable>;
}

export interface CaseKernelRequest extends KernelRequest<CaseTypes> {
  /** Give the case its number at the very end of the transaction (number-case-at-end.ts): the `submit` event. */
  numberCase?: boolean;
  /** What the facts read, when the caller has just written it (a case created in this transaction). */
  inputs?: FactInputs;
  /** The actor's display name for the timeline, when the caller already has it. */
  actorName?: string;
}

/**
 * Lifecycle A (direct application) on the `cases` table: the case is read through the case read policy, its
 * timeline is `case_events`, its notices go to every participant who can act next, and its deadlines are counted
 * in PRC working days.
 */
export const CASE_BINDING: LifecycleBinding<CaseTypes, CaseKernelRequest> = {
  lifecycle: DIRECT_APPLICATION,
  table: 'cases',
  // The system's own users (the court link, the scheduler) act on the cases the link or a deadline names.
  lock: async (trx, ctx, id) =>
    isSystemUserId(ctx.actor.userId)
      ? ((await loadCase(trx, id, { forUpdate: true })) ?? Promise.reject(caseNotFound()))
      : loadReadableCase(trx, ctx.actor, id, { forUpdate: true }),
  mayAttempt: (ctx, event) => mayFire(ctx.actor, event),
  async facts(trx, before, request) {
    const inputs = request.inputs ?? (await loadFactInputs(trx, before.id));
    return { case: caseFactsOf(before, inputs), inputs };
  },
  context: (ctx, before, facts, request) => ({
    actor: ctx.actor,
    case: facts.case,
    state: before.status as DirectState,
    ...(request.input ? { input: request.input } : {}),
  }),
  labels: {
    state: (state) => DIRECT_STATE_LABELS[state] ?? state,
    event: (event) => DIRECT_EVENT_LABELS[event],
  },
  deadlines: {
    calendar: prcWorkingDays,
    current: (row) => ({ kind: row.next_deadline_kind, date: row.next_deadline_date }),
    columns: (deadline) => ({ next_deadline_kind: deadline.kind, next_deadline_date: deadline.date }),
  },
  columnsOnEntry: (to, at) => (isTerminal(DIRECT_APPLICATION, to) ? { closed_at: at } : {}),
  async refresh(trx, merged, before) {
    // The organizations' columns are the before's unless the transition moved the case to another organization.
    return merged.organization_id === before.organization_id &&
      merged.respondent_org_id === before.respondent_org_id
      ? merged
      : ((await loadCase(trx, before.id)) as LoadedCase);
  },
  async factsAfter(trx, { after, request, facts }) {
    // Only `afterUpdate` writes what the facts read besides the case row (agreement rows, …).
    const inputs = request.afterUpdate ? await loadFactInputs(trx, after.id) : facts.inputs;
    return { case: caseFactsOf(after, inputs), inputs };
  },
  async timeline(trx, { ctx, request, before, to, at, deadline }) {
    const actorName = request.actorName ?? (await displayNameOf(trx, ctx.actor.userId));
    return trx
      .insertInto('case_events')
      .values({
        case_id: before.id,
        event: request.event,
        from_status: before.status,
        to_status: to,
        actor_user_id: ctx.actor.userId,
        actor_role: ctx.actorRole ?? null,
        actor_name: actorName,
        at,
        note: request.note ?? null,
        payload: JSON.stringify(request.payload ?? {}),
        deadline_kind: deadline?.date ? deadline.kind : null,
        deadline_date: deadline?.date ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  notices(trx, { ctx, request, after, factsAfter }) {
    // Notices quote the number before it is known; numberCaseAtEnd replaces the placeholder.
    if (request.numberCase) after.case_number = PENDING_CASE_NUMBER;
    return composeNotices(trx, after, factsAfter.case, request.event, ctx.actor.userId);
  },
  outgoing: (trx, { event, to, after, at, request, ctx }) =>
    referralOutgoing(trx, {
      event,
      to,
      after,
      at,
      input: request.input,
      payload: request.payload,
      actorUserId: ctx.actor.userId,
    }),
  async writeNotices(trx, { request, after, at }, notices, details) {
    if (request.numberCase) await numberCaseAtEnd(trx, after, todayInShanghai(at), notices, details);
    else await notifyUsers(trx, notices.messages);
  },
  audit: {
    targetType: 'case',
    action: (event) => `case.${event}`,
    details: ({ event, after }) => ({ event, version: after.version, caseNumber: after.case_number }),
  },
};
