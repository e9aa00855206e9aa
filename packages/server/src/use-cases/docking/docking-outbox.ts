import { type Kysely, sql } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingOutbox, OutgoingDockingMessage } from '../common/transitions/outgoing-messages.ts';
import { attachmentsIn } from './attachments-in.ts';

/**
 * The link's outbox: a message is a row written in the caller's transaction, with its per-case sequence number
 * allocated in the same transaction (so numbers have no gaps and never repeat), and the attachments it names
 * offered to its peer for that case. The relay (`relay-outbox.ts`) delivers it after commit.
 */
export function dockingOutbox(now: () => Date): DockingOutbox {
  return {
    async enqueue(trx, messages) {
      for (const message of messages) await enqueueOne(trx, message, now());
    },
  };
}

async function nextSequence(trx: Kysely<DB>, peerId: string, caseRef: string | null): Promise<number> {
  const row = await trx
    .insertInto('docking_sequences')
    .values({ peer_id: peerId, case_ref: caseRef ?? '', last: 1 })
    .onConflict((oc) =>
      oc.columns(['peer_id', 'case_ref']).doUpdateSet({ last: sql`docking_sequences.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

async function offer(trx: Kysely<DB>, peerId: string, caseRef: string, files: Attachment[]): Promise<void> {
  if (files.length === 0) return;
  await trx
    .insertInto('docking_attachments')
    .values(
      files.map((f) => ({
        peer_id: peerId,
        case_ref: caseRef,
        sha256: f.sha256,
        name: f.name,
        mime: f.mime,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function enqueueOne(trx: Kysely<DB>, message: OutgoingDockingMessage, at: Date): Promise<void> {
  const sequence = await nextSequence(trx, message.peerId, message.caseRef);
  if (message.caseRef) await offer(trx, message.peerId, message.caseRef, attachmentsIn(message.body));
  await trx
    .insertInto('docking_outbox')
    .values({
      message_id: newId(),
      peer_id: message.peerId,
      type: message.type,
      case_ref: message.caseRef,
      sequence,
      created_at: at,
      body: JSON.stringify(message.body),
      status: 'pending',
      next_attempt_at: at,
      lease_until: null,
      last_error: null,
      receipt: null,
      delivered_at: null,
    })
    .execute();
}
