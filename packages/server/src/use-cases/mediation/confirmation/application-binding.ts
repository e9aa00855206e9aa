import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ConfirmationApplicationsTable, Side } from '../../../adapters/db/confirmation-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../../deps.ts';
import { type IsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import {
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATE_LABELS,
  type ApplicationContext,
  type ApplicationEvent,
  type ApplicationFacts,
  type ApplicationGuard,
  type ApplicationParty,
  type ApplicationState,
  CONFIRMATION_APPLICATION,
} from '@sutiao/domain/lifecycles/confirmation-application.ts';
import { isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';
import type {
  KernelRequest,
  LifecycleBinding,
  TransitionResult,
} from '../../common/transitions/lifecycle-binding.ts';
import type { OutgoingDockingMessage } from '../../common/transitions/outgoing-messages.ts';
import { runTransition } from '../../common/transitions/transition-kernel.ts';
import { applicationNotices } from './application-notices.ts';

export type ApplicationRow = Selectable<ConfirmationApplicationsTable>;
type ApplicationChanges = Omit<Updateable<ConfirmationApplicationsTable>, 'id' | 'status' | 'version'>;

export interface ApplicationTypes {
  state: ApplicationState;
  event: ApplicationEvent;
  guard: ApplicationGuard;
  party: ApplicationParty;
  context: ApplicationContext;
  ctx: RequestContext;
  row: ApplicationRow;
  changes: ApplicationChanges;
  input: { note?: string | null };
  facts: ApplicationFacts;
  entry: unknown;
}

export interface ApplicationKernelRequest extends KernelRequest<ApplicationTypes> {
  /** Which party the acting user is for this case (the use case knows it from the case); null: the system. */
  actorSide: Side | null;
  today: IsoDate;
  /** Who acted when it is not a user: the court whose message this is. */
  actorName?: string;
  /** The messages this event sends the court, built by the use case (it holds the keys and the file store). */
  messages?: OutgoingDockingMessage[];
}

const NOT_FOUND = () =>
  appError('NOT_FOUND', { entity: { zh: '司法确认申请', en: 'Confirmation application' } });

export async function lockApplication(trx: Kysely<DB>, id: string): Promise<ApplicationRow> {
  const row = await trx
    .selectFrom('confirmation_applications')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw NOT_FOUND();
  return row;
}

export const factsOfApplication = (row: ApplicationRow): ApplicationFacts => ({
  appliedBy: row.applied_by,
  windowLastDay: row.window_last_day,
  supplementOf: row.supplement_of,
});

/**
 * Lifecycle D on the mediation platform (`confirmation_applications`): the parties' joint application and the
 * court's decisions as they come back over the link. The use cases check who may see the case before locking.
 */
export const APPLICATION_BINDING: LifecycleBinding<ApplicationTypes, ApplicationKernelRequest> = {
  lifecycle: CONFIRMATION_APPLICATION,
  table: 'confirmation_applications',
  lock: (trx, _ctx, id) => lockApplication(trx, id),
  facts: async (_trx, before) => factsOfApplication(before),
  context: (ctx, _before, facts, request) => ({
    actor: ctx.actor,
    actorSide: request.actorSide,
    application: facts,
    today: request.today,
    ...(request.input ? { input: request.input } : {}),
  }),
  labels: {
    state: (state) => APPLICATION_STATE_LABELS[state] ?? state,
    event: (event) => APPLICATION_EVENT_LABELS[event],
  },
  deadlines: {
    calendar: prcWorkingDays,
    current: (row) => ({ kind: row.next_deadline_kind, date: row.next_deadline_date }),
    columns: (deadline) => ({ next_deadline_kind: deadline.kind, next_deadline_date: deadline.date }),
  },
  columnsOnEntry: (to, at) =>
    isTerminal(CONFIRMATION_APPLICATION, to)
      ? { closed_at: at, next_deadline_kind: null, next_deadline_date: null }
      : {},
  async timeline(trx, { ctx, request, before, to, at }) {
    const actorName = request.actorName ?? (ctx.actor ? await displayNameOf(trx, ctx.actor.userId) : '系统');
    return trx
      .insertInto('confirmation_application_events')
      .values({
        application_id: before.id,
        event: request.event,
        from_status: before.status,
        to_status: to,
        actor_user_id: ctx.actor?.userId ?? null,
        actor_name: actorName,
        at,
        note: request.note ?? null,
        payload: JSON.stringify(request.payload ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  notices: (trx, t) => applicationNotices(trx, t),
  outgoing: async (_trx, t) => t.request.messages ?? [],
  audit: {
    targetType: 'confirmation-application',
    action: (event) => `confirmation.application.${event}`,
    details: ({ after }) => ({ caseId: after.case_id, courtId: after.court_id, version: after.version }),
  },
};

export type ApplicationTransitioned = Parameters<NonNullable<typeof APPLICATION_BINDING.outgoing>>[1];

/** One event of the application inside the caller's transaction, through the transition kernel. */
export function applyApplicationTransition(
  deps: Deps,
  ctx: RequestContext,
  trx: Kysely<DB>,
  request: Omit<ApplicationKernelRequest, 'today'>,
): Promise<TransitionResult<ApplicationTypes>> {
  return runTransition(deps, ctx, trx, APPLICATION_BINDING, {
    ...request,
    today: todayInShanghai(deps.now()),
  });
}
