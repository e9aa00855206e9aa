import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { DockingOutboxTable } from '../../adapters/db/docking-schema.ts';
import type { Deps } from '../../deps.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import { sealMessage, verifyReceipt } from '@sutiao/domain/docking/protocol.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { type RegisteredPeer, registeredPeers } from './peer-directory.ts';

/** Attempts before a message goes to the dead-letter list (about an hour and a half of backoff). */
export const MAX_ATTEMPTS = 16;
const LEASE_SECONDS = 30;
/**
 * Deliveries one pass keeps in flight. All of a 200-message pass at once swamped the receiver: its answers came
 * after the 10 s timeout, so the work was done and then sent again (answered `duplicate`).
 */
export const CONCURRENT_DELIVERIES = 8;
/** Messages one pass claims: even if every delivery of a pass waits out its timeout, the pass ends within the lease. */
export const RELAY_BATCH = 2 * CONCURRENT_DELIVERIES;

/**
 * The relay job's run: passes one after another while they find full batches, for up to `forMs` — a backlog drains
 * at the receiver's pace instead of one small batch per tick.
 */
export async function relayDue(deps: Deps, forMs = 2000): Promise<RelayResult> {
  const total: RelayResult = { claimed: 0, delivered: 0, rejected: 0, retrying: 0, dead: 0 };
  const until = Date.now() + forMs;
  for (;;) {
    const pass = await relayOutbox(deps);
    for (const key of Object.keys(total) as Array<keyof RelayResult>) total[key] += pass[key];
    if (pass.claimed < RELAY_BATCH || Date.now() >= until) return total;
  }
}
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 30 * 60_000;

/** Exponential backoff with full jitter around it (0.5–1.5×), so instances and peers do not retry in step. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random()));
}

type OutboxRow = Selectable<DockingOutboxTable>;

/**
 * Refusals that say the receiver cannot check the message yet — this platform or its key not registered there
 * yet, or the clocks apart — not that the message is wrong: retried with backoff, then a dead letter. Final, they
 * would strand every later message of the case behind the sequence number the refusal did not consume.
 */
const RETRIED_REFUSALS = new Set(['UNKNOWN_SENDER', 'UNKNOWN_KEY', 'KEY_NOT_VALID', 'STALE']);

export interface RelayResult {
  claimed: number;
  delivered: number;
  rejected: number;
  retrying: number;
  dead: number;
}

const isSignedReceipt = (value: unknown): value is SignedReceipt =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SignedReceipt).signature === 'string' &&
  typeof (value as SignedReceipt).receipt === 'object' &&
  (value as SignedReceipt).receipt !== null;

/**
 * One pass of the relay: claims due messages with `FOR UPDATE SKIP LOCKED` and a lease (so any number of
 * instances share the outbox and a crashed one's messages come back after the lease), delivers them — one case's
 * messages in sequence order, cases side by side — and records what the peer's signed receipt said. No receipt
 * (network, timeout, 5xx, a receipt that does not verify) means try again later; a rejection is final.
 */
export async function relayOutbox(deps: Deps, options: { batch?: number } = {}): Promise<RelayResult> {
  const batch = options.batch ?? RELAY_BATCH;
  const now = deps.now();
  const { rows } = await sql<OutboxRow>`
    update docking_outbox set lease_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)},
      attempts = attempts + 1
    where message_id in (
      select message_id from docking_outbox
      where status = 'pending' and next_attempt_at <= ${now} and (lease_until is null or lease_until < ${now})
      order by next_attempt_at
      limit ${batch}
      for update skip locked)
    returning *`.execute(deps.db);
  const result: RelayResult = { claimed: rows.length, delivered: 0, rejected: 0, retrying: 0, dead: 0 };
  if (rows.length === 0) return result;
  const peers = await registeredPeers(deps.db);
  const byCase = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.peer_id}\u0000${row.case_ref ?? ''}`;
    byCase.set(key, [...(byCase.get(key) ?? []), row]);
  }
  const lanes = [...byCase.values()];
  let next = 0;
  const lane = async () => {
    for (let list = lanes[next++]; list; list = lanes[next++]) {
      list.sort((a, b) => a.sequence - b.sequence);
      for (const row of list) {
        const outcome = await deliverOne(deps, row, peers.get(row.peer_id));
        result[outcome] += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_DELIVERIES, lanes.length) }, lane));
  return result;
}

async function deliverOne(
  deps: Deps,
  row: OutboxRow,
  peer: RegisteredPeer | undefined,
): Promise<'delivered' | 'rejected' | 'retrying' | 'dead'> {
  let failure: string;
  if (!peer?.active) {
    failure = `peer ${row.peer_id} is not registered or not active`;
  } else {
    const envelope = sealMessage(
      {
        messageId: row.message_id,
        type: row.type as DockingMessageType,
        senderPlatform: deps.platform,
        senderId: deps.docking.platformId,
        caseRef: row.case_ref,
        sequence: row.sequence,
        createdAt: new Date(row.created_at).toISOString(),
        sentAt: deps.now().toISOString(),
      },
      row.body,
      deps.docking.signer,
      deps.docking.crypto,
    );
    try {
      const answer = await deps.docking.client.deliver(peer.baseUrl, envelope);
      const signed = (answer.body as { receipt?: unknown } | null)?.receipt;
      if (
        isSignedReceipt(signed) &&
        signed.receipt.messageId === row.message_id &&
        signed.receipt.receiverId === peer.id &&
        verifyReceipt(signed, peer, deps.docking.crypto) &&
        // The receipt names what the peer received: it must be what was sent.
        (signed.receipt.bodyDigest === null || signed.receipt.bodyDigest === envelope.header.bodyDigest)
      ) {
        const { outcome, code, detail } = signed.receipt;
        if (outcome !== 'rejected' || !RETRIED_REFUSALS.has(code ?? '')) return finish(deps, row, signed);
        failure = `refused ${code}: ${detail ?? ''}`;
      } else {
        failure = `HTTP ${answer.status} without a valid receipt`;
      }
    } catch (error) {
      failure = String((error as Error)?.message ?? error);
    }
  }
  return retryLater(deps, row, failure);
}

async function finish(deps: Deps, row: OutboxRow, signed: SignedReceipt): Promise<'delivered' | 'rejected'> {
  const rejected = signed.receipt.outcome === 'rejected';
  await deps.db
    .updateTable('docking_outbox')
    .set({
      status: rejected ? 'rejected' : 'delivered',
      receipt: JSON.stringify(signed),
      delivered_at: deps.now(),
      lease_until: null,
      last_error: rejected ? `${signed.receipt.code}: ${signed.receipt.detail ?? ''}`.slice(0, 2000) : null,
    })
    .where('message_id', '=', row.message_id)
    .execute();
  return rejected ? 'rejected' : 'delivered';
}

async function retryLater(deps: Deps, row: OutboxRow, failure: string): Promise<'retrying' | 'dead'> {
  const dead = row.attempts >= MAX_ATTEMPTS;
  await deps.db
    .updateTable('docking_outbox')
    .set({
      status: dead ? 'dead' : 'pending',
      next_attempt_at: new Date(deps.now().getTime() + retryDelayMs(row.attempts)),
      lease_until: null,
      last_error: failure.slice(0, 2000),
    })
    .where('message_id', '=', row.message_id)
    .execute();
  return dead ? 'dead' : 'retrying';
}
