import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { CourtCaseEventsTable, CourtCasesTable } from '../../adapters/db/court-schema.ts';
import type { RequestContext } from '../../deps.ts';
import type { IsoDate } from '@sutiao/domain/calendar/dates.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import {
  COURT_DELEGATION,
  DELEGATION_EVENT_LABELS,
  DELEGATION_STATE_LABELS,
  type DelegationEvent,
  type DelegationState,
} from '@sutiao/domain/lifecycles/court-delegation.ts';
import {
  COURT_ENTRUSTMENT,
  ENTRUSTMENT_EVENT_LABELS,
  ENTRUSTMENT_STATE_LABELS,
  type EntrustmentEvent,
  type EntrustmentState,
} from '@sutiao/domain/lifecycles/court-entrustment.ts';
import type {
  CourtCaseFacts,
  CourtEventInput,
  CourtGuard,
  CourtParty,
  CourtReferralContext,
  Labels,
} from '@sutiao/domain/lifecycles/court-referral.ts';
import { isTerminal, type Lifecycle } from '@sutiao/domain/lifecycles/state-machine.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { displayNameOf } from '../common/auth/display-name.ts';
import type { UserNotice } from '../common/notices/notify-user.ts';
import type {
  KernelRequest,
  LifecycleBinding,
  Transitioned,
} from '../common/transitions/lifecycle-binding.ts';
import type { OutgoingDockingMessage } from '../common/transitions/outgoing-messages.ts';
import { type CourtCaseRow, loadCourtCase } from './court-case-access.ts';
import { courtMessages, type ReferralParts } from './court-outgoing.ts';

export type CourtCaseChanges = Omit<Updateable<CourtCasesTable>, 'id' | 'status' | 'version' | 'kind'>;

/** Lifecycle B's or C's types for the transition kernel: both live in `court_cases`. */
export interface CourtTypes<S extends string = string, E extends string = string> {
  state: S;
  event: E;
  guard: CourtGuard;
  party: CourtParty;
  context: CourtReferralContext;
  ctx: RequestContext;
  row: CourtCaseRow;
  changes: CourtCaseChanges;
  input: CourtEventInput;
  facts: CourtCaseFacts;
  entry: Selectable<CourtCaseEventsTable>;
}

export interface CourtKernelRequest<S extends string = string, E extends string = string>
  extends KernelRequest<CourtTypes<S, E>> {
  /** Beijing date of the transition: mediation periods are counted from it. */
  today: IsoDate;
  /** Who acted, for the timeline, when it is not a user: the organization that sent a message. */
  actorName?: string;
  /** What a delegation or entrustment message carries besides the row: the court and the decrypted parties. */
  referral?: ReferralParts;
  /** The document an event issues (调解书), as the filing notice names it. */
  document?: Attachment;
}

export type CourtTransitioned = Transitioned<CourtTypes, CourtKernelRequest>;

const SYSTEM_NAME = '系统';

const factsOf = (row: CourtCaseRow): CourtCaseFacts => ({
  deadlineDate: row.next_deadline_kind === 'mediation' ? row.next_deadline_date : null,
  extensionDays: row.extension_days,
});

/** Users told about what arrived over the link: whoever entered the case. */
function systemNotices(t: CourtTransitioned, labels: Record<string, Labels>): UserNotice[] {
  if (t.ctx.actor !== null || !t.after.created_by_user_id) return [];
  const number = t.after.filing_number ?? t.after.pre_filing_number ?? '';
  return [
    {
      userId: t.after.created_by_user_id,
      kind: `court.${t.event}`,
      title: `${labels[t.event]?.zh ?? t.event}：${number}`,
      caseId: t.after.id,
    },
  ];
}

/** A court case's timeline entry for a transition (any court lifecycle: B, C or D share `court_case_events`). */
export async function writeCourtTimeline(
  trx: Kysely<DB>,
  t: {
    ctx: RequestContext;
    request: { event: string; note?: string | null; payload?: Record<string, unknown>; actorName?: string };
    before: CourtCaseRow;
    to: string;
    at: Date;
  },
): Promise<Selectable<CourtCaseEventsTable>> {
  const { ctx, request, before, to, at } = t;
  const actorName =
    request.actorName ?? (ctx.actor ? await displayNameOf(trx, ctx.actor.userId) : SYSTEM_NAME);
  return trx
    .insertInto('court_case_events')
    .values({
      case_id: before.id,
      event: request.event,
      from_status: before.status,
      to_status: to,
      actor_user_id: ctx.actor?.userId ?? null,
      actor_role: ctx.actorRole ?? null,
      actor_name: actorName,
      at,
      note: request.note ?? null,
      payload: JSON.stringify(request.payload ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function courtBinding<S extends string, E extends string>(
  kind: 'delegation' | 'entrustment',
  lifecycle: Lifecycle<S, E, CourtGuard, CourtParty, CourtReferralContext>,
  stateLabels: Record<S, Labels>,
  eventLabels: Record<E, Labels>,
): LifecycleBinding<CourtTypes<S, E>, CourtKernelRequest<S, E>> {
  return {
    lifecycle,
    table: 'court_cases',
    async lock(trx, ctx, id) {
      const row = await loadCourtCase(trx, ctx.actor, id, { forUpdate: true });
      // A delegation's id given to an entrustment event (or the reverse) is another lifecycle's row.
      if (row.kind !== kind) throw new Error(`court case ${id} is a ${row.kind}, not a ${kind}`);
      return row;
    },
    mayAttempt: (ctx) => ctx.actor === null || isAuthorized(ctx.actor, 'court.workbench'),
    facts: async (_trx, before) => factsOf(before),
    context: (ctx, _before, facts, request) => ({
      actor: ctx.actor,
      case: facts,
      today: request.today,
      ...(request.input ? { input: request.input } : {}),
    }),
    labels: { state: (state) => stateLabels[state] ?? state, event: (event) => eventLabels[event] },
    deadlines: {
      calendar: prcWorkingDays,
      current: (row) => ({ kind: row.next_deadline_kind, date: row.next_deadline_date }),
      columns: (deadline) => ({ next_deadline_kind: deadline.kind, next_deadline_date: deadline.date }),
    },
    columnsOnEntry: (to, at) => (isTerminal(lifecycle, to) ? { closed_at: at } : {}),
    timeline: (trx, t) => writeCourtTimeline(trx, t),
    notices: async (_trx, t) => ({
      messages: systemNotices(t as unknown as CourtTransitioned, eventLabels),
      emails: [],
    }),
    outgoing: (trx, t): Promise<OutgoingDockingMessage[]> =>
      courtMessages(trx, kind, t as unknown as CourtTransitioned),
    audit: {
      targetType: 'court-case',
      action: (event) => `court.${kind}.${event}`,
      details: ({ after }) => ({
        kind,
        version: after.version,
        preFilingNumber: after.pre_filing_number,
        filingNumber: after.filing_number,
      }),
    },
  };
}

export const DELEGATION_BINDING = courtBinding<DelegationState, DelegationEvent>(
  'delegation',
  COURT_DELEGATION,
  DELEGATION_STATE_LABELS,
  DELEGATION_EVENT_LABELS,
);

export const ENTRUSTMENT_BINDING = courtBinding<EntrustmentState, EntrustmentEvent>(
  'entrustment',
  COURT_ENTRUSTMENT,
  ENTRUSTMENT_STATE_LABELS,
  ENTRUSTMENT_EVENT_LABELS,
);
