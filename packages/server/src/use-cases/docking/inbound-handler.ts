import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { DockingBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';

/** A verified, in-order, first-time message as its handler sees it (the inbox has already checked all of that). */
export interface InboundMessage<T extends DockingMessageType = DockingMessageType> {
  messageId: string;
  type: T;
  /** The registered peer that sent it (`docking_peers.id`). */
  senderId: string;
  caseRef: string | null;
  sequence: number;
  createdAt: string;
  body: DockingBody<T>;
  /** Runs `send` once the inbox's transaction has committed (SMS and e-mail: never for an effect rolled back). */
  afterCommit(send: () => Promise<void>): void;
}

/**
 * Applies one message's effect inside the inbox's transaction (the same transaction records the message id, so a
 * message delivered twice acts once). Throw `dockingRejection(code)` to refuse it: the transaction rolls back, the
 * message is stored as rejected and the sender gets a rejection receipt with the code.
 */
export type InboundHandler<T extends DockingMessageType = DockingMessageType> = (
  deps: Deps,
  trx: Kysely<DB>,
  message: InboundMessage<T>,
) => Promise<void>;

export type InboundHandlers = { [T in DockingMessageType]?: InboundHandler<T> };

/** Stable codes of the rejections a handler (as opposed to the envelope check) gives. */
export type HandlerRejectionCode =
  | 'UNKNOWN_CASE'
  | 'CASE_STATE'
  | 'UNKNOWN_ORGANIZATION'
  | 'UNKNOWN_MEDIATOR'
  | 'DUPLICATE_CASE'
  | 'INVALID_BODY';

export class DockingRejection extends Error {
  constructor(
    readonly code: HandlerRejectionCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export const dockingRejection = (code: HandlerRejectionCode, detail: string): DockingRejection =>
  new DockingRejection(code, detail);
