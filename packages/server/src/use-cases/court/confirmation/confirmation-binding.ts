import type { Kysely, Selectable } from 'kysely';
import type { CourtCaseEventsTable } from '../../../adapters/db/court-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../../deps.ts';
import { type IsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import {
  COURT_CONFIRMATION,
  CONFIRMATION_EVENT_LABELS,
  CONFIRMATION_STATE_LABELS,
  type ConfirmationContext,
  type ConfirmationEvent,
  type ConfirmationFacts,
  type ConfirmationGuard,
  type ConfirmationInput,
  type ConfirmationParty,
  type ConfirmationState,
} from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import type { UserNotice } from '../../common/notices/notify-user.ts';
import type {
  KernelRequest,
  LifecycleBinding,
  TransitionResult,
  Transitioned,
} from '../../common/transitions/lifecycle-binding.ts';
import { runTransition } from '../../common/transitions/transition-kernel.ts';
import { type CourtCaseRow, courtStaff, loadCourtCase } from '../court-case-access.ts';
import { type CourtCaseChanges, writeCourtTimeline } from '../court-case-binding.ts';
import { confirmationMessages } from './confirmation-outgoing.ts';

/** Lifecycle D's types for the transition kernel: a confirmation case is a `court_cases` row of kind confirmation. */
export interface ConfirmationTypes {
  state: ConfirmationState;
  event: ConfirmationEvent;
  guard: ConfirmationGuard;
  party: ConfirmationParty;
  context: ConfirmationContext;
  ctx: RequestContext;
  row: CourtCaseRow;
  changes: CourtCaseChanges;
  input: ConfirmationInput;
  facts: ConfirmationFacts;
  entry: Selectable<CourtCaseEventsTable>;
}

export interface ConfirmationKernelRequest extends KernelRequest<ConfirmationTypes> {
  today: IsoDate;
  /** Who acted, for the timeline, when it is not a user: the mediation platform whose message this is. */
  actorName?: string;
  /** The ruling an event issues (民事裁定书), as the ruling message names it. */
  document?: Attachment;
  verificationCode?: string;
}

export type ConfirmationTransitioned = Transitioned<ConfirmationTypes, ConfirmationKernelRequest>;

export const confirmationFacts = (row: CourtCaseRow): ConfirmationFacts => ({
  acceptanceDue: row.next_deadline_kind === 'acceptance' ? row.next_deadline_date : null,
  rulingDue: row.next_deadline_kind === 'ruling' ? row.next_deadline_date : null,
  extended: row.review_extended_by !== null,
  supplementDue: row.supplement_due_date,
  judgeAssigned: row.judge_user_id !== null,
});

/** Who hears of what arrived over the link: the assigned judge, else whoever may accept applications (the filer). */
async function systemNotices(trx: Kysely<DB>, t: ConfirmationTransitioned): Promise<UserNotice[]> {
  if (t.ctx.actor !== null) return [];
  const row = t.after;
  const title = `司法确认：${CONFIRMATION_EVENT_LABELS[t.event]?.zh ?? t.event}（${row.filing_number ?? row.organization_name ?? ''}）`;
  if (row.judge_user_id)
    return [{ userId: row.judge_user_id, kind: `court.confirmation.${t.event}`, title, caseId: row.id }];
  const staff = await courtStaff(trx, row.court_id, 'filing_officer');
  return staff.map((userId) => ({ userId, kind: `court.confirmation.${t.event}`, title, caseId: row.id }));
}

export const CONFIRMATION_BINDING: LifecycleBinding<ConfirmationTypes, ConfirmationKernelRequest> = {
  lifecycle: COURT_CONFIRMATION,
  table: 'court_cases',
  async lock(trx, ctx, id) {
    const row = await loadCourtCase(trx, ctx.actor, id, { forUpdate: true });
    if (row.kind !== 'confirmation') throw new Error(`court case ${id} is a ${row.kind}, not a confirmation`);
    return row;
  },
  mayAttempt: (ctx) => ctx.actor === null || isAuthorized(ctx.actor, 'court.workbench'),
  facts: async (_trx, before) => confirmationFacts(before),
  context: (ctx, _before, facts, request) => ({
    actor: ctx.actor,
    case: facts,
    today: request.today,
    ...(request.input ? { input: request.input } : {}),
  }),
  labels: {
    state: (state) => CONFIRMATION_STATE_LABELS[state] ?? state,
    event: (event) => CONFIRMATION_EVENT_LABELS[event],
  },
  deadlines: {
    calendar: prcWorkingDays,
    current: (row) => ({ kind: row.next_deadline_kind, date: row.next_deadline_date }),
    columns: (deadline) => ({ next_deadline_kind: deadline.kind, next_deadline_date: deadline.date }),
  },
  columnsOnEntry: (to, at) =>
    isTerminal(COURT_CONFIRMATION, to)
      ? { closed_at: at, next_deadline_kind: null, next_deadline_date: null }
      : {},
  timeline: (trx, t) => writeCourtTimeline(trx, t),
  notices: async (trx, t) => ({ messages: await systemNotices(trx, t), emails: [] }),
  outgoing: async (_trx, t) => confirmationMessages(t),
  audit: {
    targetType: 'court-case',
    action: (event) => `court.confirmation.${event}`,
    details: ({ after }) => ({
      kind: 'confirmation',
      version: after.version,
      caseNumber: after.filing_number,
    }),
  },
};

/** One event of lifecycle D inside the caller's transaction, through the transition kernel. */
export function applyConfirmationTransition(
  deps: Deps,
  ctx: RequestContext,
  trx: Kysely<DB>,
  request: Omit<ConfirmationKernelRequest, 'today'>,
): Promise<TransitionResult<ConfirmationTypes>> {
  return runTransition(deps, ctx, trx, CONFIRMATION_BINDING, {
    ...request,
    today: todayInShanghai(deps.now()),
  });
}
