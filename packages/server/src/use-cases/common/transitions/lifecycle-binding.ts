import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { RequestContext } from '../../../deps.ts';
import type { DeadlineCalendar } from '@sutiao/domain/lifecycles/deadline-rules.ts';
import type { Lifecycle } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { LocalizedParam } from '@sutiao/domain/errors.ts';
import type { UserNotice } from '../notices/notify-user.ts';
import type { LifecycleRow, LifecycleTableName } from './compare-and-set.ts';
import type { OutgoingDockingMessage } from './outgoing-messages.ts';

/** The types one lifecycle binds the kernel to, named once (see `transition-kernel.ts`). */
export interface BindingTypes {
  state: string;
  event: string;
  guard: string;
  party: string;
  /** What the lifecycle's parties and guards read. */
  context: unknown;
  /** Who acts: a signed-in user, or (actor null) a background job. */
  ctx: RequestContext;
  /** The row as the binding loads it: the table's columns and anything joined to them. */
  row: LifecycleRow;
  /** Columns a request may write in the same update, besides status and version. */
  changes: object;
  /** The event's body, as far as guards read it. */
  input: unknown;
  /** What the binding reads to build the context, kept for the later steps (notices). */
  facts: unknown;
  /** A timeline entry as written, for lifecycles that keep a timeline. */
  entry: unknown;
}

/** One event to fire. Lifecycles extend it with what their own hooks read. */
export interface KernelRequest<T extends BindingTypes> {
  /** The row's id. */
  id: string;
  event: T['event'];
  /** The version the client read; a different current version is CASE_STATE_CONFLICT. Absent: the locked one. */
  expectedVersion?: number;
  input?: T['input'];
  /** Shown on the timeline. */
  note?: string | null;
  /** Extra audit and timeline details; read after `afterUpdate`, which may still fill it. */
  payload?: Record<string, unknown>;
  /** Columns written by the same compare-and-set update, given the decided state. */
  changes?: (trx: Kysely<DB>, before: T['row'], to: T['state']) => T['changes'] | Promise<T['changes']>;
  /** Further writes in the same transaction once the row has moved. */
  afterUpdate?: (trx: Kysely<DB>, before: T['row'], to: T['state']) => Promise<void>;
  /** The row when the caller has already locked it in this transaction (or just created it). */
  locked?: T['row'];
}

/** A running deadline as stored: kind and due date (YYYY-MM-DD), both null when none runs. */
export interface RunningDeadline {
  kind: string | null;
  date: string | null;
}

/** The transition as decided and written so far, handed to the binding's later steps. */
export interface Transitioned<T extends BindingTypes, R extends KernelRequest<T>> {
  ctx: T['ctx'];
  request: R;
  event: T['event'];
  from: T['state'];
  to: T['state'];
  before: T['row'];
  after: T['row'];
  at: Date;
  /** The deadline now running; undefined for lifecycles without deadlines. */
  deadline: RunningDeadline | undefined;
  facts: T['facts'];
  /** The facts once the row has moved (`factsAfter`; else the facts before). */
  factsAfter: T['facts'];
}

export interface TransitionNotices {
  messages: UserNotice[];
  /** Sent once the transaction has committed (`sendAfterCommit`). */
  emails: Notification[];
}

/** How one lifecycle maps onto the kernel. Methods are hooks: the kernel calls them in the order listed. */
export interface LifecycleBinding<T extends BindingTypes, R extends KernelRequest<T> = KernelRequest<T>> {
  lifecycle: Lifecycle<T['state'], T['event'], T['guard'], T['party'], T['context']>;
  /** The table the compare-and-set writes. */
  table: LifecycleTableName;
  /** Loads the row FOR UPDATE; a row the actor may not see is NOT_FOUND. Skipped when the request has `locked`. */
  lock(trx: Kysely<DB>, ctx: T['ctx'], id: string): Promise<T['row']>;
  /** The permission catalogue's word before the lifecycle's (FORBIDDEN, before any version check). */
  mayAttempt?(ctx: T['ctx'], event: T['event']): boolean;
  facts(trx: Kysely<DB>, before: T['row'], request: R): Promise<T['facts']>;
  context(ctx: T['ctx'], before: T['row'], facts: T['facts'], request: R): T['context'];
  /** Names of states and events in CASE_ILLEGAL_EVENT; the codes themselves by default. */
  labels?: {
    state(state: T['state']): string | LocalizedParam;
    event(event: T['event']): string | LocalizedParam;
  };
  /** Where the row keeps its running deadline; required when the lifecycle's rows set deadlines. */
  deadlines?: {
    calendar: DeadlineCalendar;
    current(row: T['row']): RunningDeadline;
    columns(deadline: RunningDeadline): T['changes'];
  };
  /** Columns stamped on entering a state (e.g. closed_at on a terminal one). */
  columnsOnEntry?(to: T['state'], at: Date): T['changes'];
  /** The row after the update: the default merges the updated columns into `before`; joined columns may need more. */
  refresh?(trx: Kysely<DB>, merged: T['row'], before: T['row']): Promise<T['row']>;
  factsAfter?(trx: Kysely<DB>, t: Transitioned<T, R>): Promise<T['facts']>;
  timeline?(trx: Kysely<DB>, t: Transitioned<T, R>): Promise<T['entry']>;
  notices?(trx: Kysely<DB>, t: Transitioned<T, R>): Promise<TransitionNotices>;
  /** Messages for the link's outbox, written in the same transaction. */
  outgoing?(trx: Kysely<DB>, t: Transitioned<T, R>): Promise<OutgoingDockingMessage[]>;
  /**
   * Writes the notices (default: `notifyUsers`). The last step before the audit record, so it may still complete
   * `details` (they are hashed afterwards): lifecycle A numbers a case here.
   */
  writeNotices?(
    trx: Kysely<DB>,
    t: Transitioned<T, R>,
    notices: TransitionNotices,
    details: Record<string, unknown>,
  ): Promise<void>;
  audit: {
    targetType: string;
    action(event: T['event']): string;
    /** Added to the kernel's details (from, to, deadline, outgoing) before the request's payload. */
    details?(t: Transitioned<T, R>): Record<string, unknown>;
  };
}

export interface TransitionResult<T extends BindingTypes> {
  before: T['row'];
  after: T['row'];
  to: T['state'];
  facts: T['facts'];
  entry: T['entry'] | undefined;
  emails: Notification[];
  outgoing: OutgoingDockingMessage[];
}
