import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';

/**
 * A docking message a transition sends over the link, as the lifecycle writes it: the outbox adds what every
 * envelope carries (message id, per-case sequence, body digest, signature — `@sutiao/domain/docking/envelope.ts`).
 */
export interface OutgoingDockingMessage<Body = unknown> {
  type: DockingMessageType;
  /** The registered peer it goes to (`docking_peers.id`): the directory's peer for a court's referral, the
   *  case's `court_peer_id` for the organization's answers. */
  peerId: string;
  /** The case both sides know (the court's case number or the delegation id). */
  caseRef: string | null;
  body: Body;
}

/**
 * Where a transition's messages go: the link's outbox, written in the same transaction as the state change so a
 * message exists exactly when the change does (a relay delivers it after commit): `use-cases/docking/docking-outbox.ts`.
 */
export interface DockingOutbox {
  enqueue(trx: Kysely<DB>, messages: readonly OutgoingDockingMessage[]): Promise<void>;
}

/** Hands the messages to the outbox; with none to take them the transition fails rather than lose a message. */
export async function enqueueOutgoing(
  outbox: DockingOutbox | undefined,
  trx: Kysely<DB>,
  lifecycle: string,
  messages: readonly OutgoingDockingMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  if (!outbox) throw new Error(`lifecycle ${lifecycle} sends docking messages, but no outbox was given`);
  await outbox.enqueue(trx, messages);
}
