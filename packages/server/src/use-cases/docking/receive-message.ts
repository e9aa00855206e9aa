import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import { bodyDigestOf, checkEnvelope, sealReceipt } from '@sutiao/domain/docking/protocol.ts';
import type {
  DockingRejectionCode,
  Receipt,
  ReceiptOutcome,
  SignedReceipt,
} from '@sutiao/domain/docking/receipt.ts';
import { DockingRejection, type InboundMessage } from './inbound-handler.ts';
import { inboundHandlersFor } from './inbound-handlers.ts';
import { activeSender, registeredPeers } from './peer-directory.ts';

export interface ReceiveAnswer {
  /** 200 for accepted, held and duplicate; 422 for a rejection (the receipt says why). */
  status: 200 | 422;
  receipt: SignedReceipt;
}

const RAW_LIMIT = 64 * 1024;
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

function receiptFor(
  deps: Deps,
  fields: { messageId: string | null; senderId: string | null; bodyDigest: string | null },
  outcome: ReceiptOutcome,
  rejection?: { code: DockingRejectionCode; detail: string },
): SignedReceipt {
  const receipt: Receipt = {
    messageId: fields.messageId ?? '',
    senderId: fields.senderId ?? '',
    receiverId: deps.docking.platformId,
    outcome,
    code: rejection?.code ?? null,
    detail: rejection?.detail.slice(0, 500) ?? null,
    bodyDigest: fields.bodyDigest,
    receivedAt: deps.now().toISOString(),
  };
  return sealReceipt(receipt, deps.docking.signer);
}

/**
 * The inbox: one received envelope → one signed receipt. The envelope is checked (protocol core); a first-time
 * message whose sequence is next for its sender and case is applied by its handler in the SAME transaction that
 * records its id (so a redelivery acts once), then any held successors are applied in order; a message ahead of a
 * gap is stored as held. A repeat is answered `duplicate`; the same id with other content is REPLAYED. A message
 * its handler refuses is stored as rejected (it still consumes its sequence number, so later ones are not stuck).
 */
export async function receiveMessage(deps: Deps, raw: unknown): Promise<ReceiveAnswer> {
  const peers = await registeredPeers(deps.db);
  const check = checkEnvelope(raw, {
    receiver: deps.platform,
    now: deps.now(),
    sender: (id) => activeSender(peers, id),
    crypto: deps.docking.crypto,
  });
  if (!check.ok) {
    return refuse(
      deps,
      raw,
      { messageId: check.messageId, senderId: check.senderId, bodyDigest: null },
      check,
    );
  }
  const { envelope } = check;
  const attempt = async (): Promise<ReceiveAnswer> => {
    const later: Array<() => Promise<void>> = [];
    const answer = await deps.db.transaction().execute((trx) => accept(deps, trx, envelope, later));
    for (const send of later) await send().catch(() => undefined); // a lost SMS is not a lost message
    return answer;
  };
  try {
    return await attempt();
  } catch (error) {
    // Two deliveries of one message raced: the loser finds the winner's row and answers duplicate.
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

async function refuse(
  deps: Deps,
  raw: unknown,
  fields: { messageId: string | null; senderId: string | null; bodyDigest: string | null },
  rejection: { code: DockingRejectionCode; detail: string },
): Promise<ReceiveAnswer> {
  return deps.db.transaction().execute((trx) => refuseIn(deps, trx, raw, fields, rejection));
}

/** Stores a refused message for inspection and audits it, in the given transaction; answers the rejection receipt. */
async function refuseIn(
  deps: Deps,
  trx: Kysely<DB>,
  raw: unknown,
  fields: { messageId: string | null; senderId: string | null; bodyDigest: string | null },
  rejection: { code: DockingRejectionCode; detail: string },
): Promise<ReceiveAnswer> {
  const at = deps.now();
  const text = (() => {
    try {
      return JSON.stringify(raw) ?? String(raw);
    } catch {
      return String(raw);
    }
  })();
  await trx
    .insertInto('docking_rejections')
    .values({
      sender_id: fields.senderId,
      message_id: fields.messageId,
      code: rejection.code,
      detail: rejection.detail.slice(0, 2000),
      raw: text.slice(0, RAW_LIMIT),
      received_at: at,
    })
    .execute();
  await appendAudit(
    trx,
    {
      action: 'docking.reject',
      targetType: 'docking_message',
      targetId: fields.messageId,
      outcome: 'failure',
      details: { sender: fields.senderId, code: rejection.code },
    },
    at,
  );
  return { status: 422, receipt: receiptFor(deps, fields, 'rejected', rejection) };
}

/**
 * Locks the sender's cursor for the case (the lock orders every delivery of that case) and says whether messages of
 * the case wait as held: held rows are written under this same lock, so the answer stands until the commit.
 */
async function lockCursor(
  trx: Kysely<DB>,
  senderId: string,
  caseRef: string,
): Promise<{ last: number; anyHeld: boolean }> {
  await trx
    .insertInto('docking_inbox_cursors')
    .values({ sender_id: senderId, case_ref: caseRef, last_applied: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await trx
    .selectFrom('docking_inbox_cursors as c')
    .select('c.last_applied')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('docking_inbox as i')
            .select('i.sequence')
            .where('i.sender_id', '=', senderId)
            .where('i.case_ref', caseRef === '' ? 'is' : '=', caseRef === '' ? null : caseRef)
            .where('i.status', '=', 'held'),
        )
        .as('any_held'),
    )
    .where('c.sender_id', '=', senderId)
    .where('c.case_ref', '=', caseRef)
    .forUpdate('c')
    .executeTakeFirstOrThrow();
  return { last: row.last_applied, anyHeld: Boolean(row.any_held) };
}

async function advanceCursor(trx: Kysely<DB>, senderId: string, caseRef: string, to: number) {
  await trx
    .updateTable('docking_inbox_cursors')
    .set({ last_applied: to })
    .where('sender_id', '=', senderId)
    .where('case_ref', '=', caseRef)
    .execute();
}

async function accept(
  deps: Deps,
  trx: Kysely<DB>,
  envelope: DockingEnvelope,
  later: Array<() => Promise<void>>,
): Promise<ReceiveAnswer> {
  const { header } = envelope;
  const fields = { messageId: header.messageId, senderId: header.senderId, bodyDigest: header.bodyDigest };
  const existing = await trx
    .selectFrom('docking_inbox')
    .select(['envelope', 'status', 'code', 'detail'])
    .where('sender_id', '=', header.senderId)
    .where('message_id', '=', header.messageId)
    .executeTakeFirst();
  if (existing) {
    if (existing.envelope.header.bodyDigest !== header.bodyDigest) {
      return refuseIn(deps, trx, envelope, fields, {
        code: 'REPLAYED',
        detail: 'same message id, different body',
      });
    }
    // A repeat gets the first answer's outcome: a message refused the first time is refused again, not 'duplicate'.
    if (existing.status === 'rejected') {
      return {
        status: 422,
        receipt: receiptFor(deps, fields, 'rejected', {
          code: (existing.code ?? 'INVALID_BODY') as DockingRejectionCode,
          detail: existing.detail ?? '',
        }),
      };
    }
    return { status: 200, receipt: receiptFor(deps, fields, 'duplicate', undefined) };
  }
  const caseKey = header.caseRef ?? '';
  const { last, anyHeld } = await lockCursor(trx, header.senderId, caseKey);
  if (header.sequence <= last) {
    return refuseIn(deps, trx, envelope, fields, {
      code: 'REPLAYED',
      detail: `sequence ${header.sequence} already applied for this case`,
    });
  }
  if (header.sequence > last + 1) {
    const receipt = receiptFor(deps, fields, 'held');
    await recordInbox(trx, envelope, 'held', receipt, deps.now(), null);
    return { status: 200, receipt };
  }
  if (!anyHeld) {
    // The usual case: nothing waits behind this message. The cursor moves first (a refusal consumes the sequence
    // too), so what follows the handler — which may hold a lock until the commit, as case numbering does — is short.
    await advanceCursor(trx, header.senderId, caseKey, header.sequence);
    return applyOne(deps, trx, envelope, false, later);
  }
  const first = await applyOne(deps, trx, envelope, false, later);
  let cursor = header.sequence;
  for (;;) {
    const held = await trx
      .selectFrom('docking_inbox')
      .select('envelope')
      .where('sender_id', '=', header.senderId)
      .where('case_ref', caseKey === '' ? 'is' : '=', caseKey === '' ? null : caseKey)
      .where('sequence', '=', cursor + 1)
      .where('status', '=', 'held')
      .executeTakeFirst();
    if (!held) break;
    await applyOne(deps, trx, held.envelope, true, later);
    cursor += 1;
  }
  await advanceCursor(trx, header.senderId, caseKey, cursor);
  return first;
}

async function recordInbox(
  trx: Kysely<DB>,
  envelope: DockingEnvelope,
  status: 'applied' | 'held' | 'rejected',
  receipt: SignedReceipt,
  at: Date,
  rejection: { code: string; detail: string } | null,
): Promise<void> {
  const { header } = envelope;
  await trx
    .insertInto('docking_inbox')
    .values({
      sender_id: header.senderId,
      message_id: header.messageId,
      type: header.type,
      case_ref: header.caseRef,
      sequence: header.sequence,
      envelope: JSON.stringify(envelope),
      status,
      code: rejection?.code ?? null,
      detail: rejection?.detail.slice(0, 2000) ?? null,
      receipt: JSON.stringify(receipt),
      received_at: at,
      applied_at: status === 'applied' ? at : null,
    })
    .execute();
}

/** Runs the handler under a savepoint: a refusal undoes its partial effect but keeps the inbox transaction. */
async function applyOne(
  deps: Deps,
  trx: Kysely<DB>,
  envelope: DockingEnvelope,
  wasHeld: boolean,
  later: Array<() => Promise<void>>,
): Promise<ReceiveAnswer> {
  const { header } = envelope;
  const at = deps.now();
  const fields = { messageId: header.messageId, senderId: header.senderId, bodyDigest: header.bodyDigest };
  const handler = inboundHandlersFor(deps.platform)[header.type];
  const message: InboundMessage = {
    messageId: header.messageId,
    type: header.type,
    senderId: header.senderId,
    caseRef: header.caseRef,
    sequence: header.sequence,
    createdAt: header.createdAt,
    body: envelope.body as InboundMessage['body'],
    afterCommit: (send) => {
      pending.push(send);
    },
  };
  const pending: Array<() => Promise<void>> = [];
  let rejection: { code: DockingRejectionCode; detail: string } | null = null;
  await sql`savepoint docking_apply`.execute(trx);
  try {
    if (!handler)
      throw new DockingRejection('INVALID_BODY', `${header.type} is not handled on this platform`);
    await (handler as (d: Deps, t: Kysely<DB>, m: InboundMessage<DockingMessageType>) => Promise<void>)(
      deps,
      trx,
      message,
    );
    await sql`release savepoint docking_apply`.execute(trx);
    later.push(...pending);
  } catch (error) {
    if (!(error instanceof DockingRejection)) throw error;
    await sql`rollback to savepoint docking_apply`.execute(trx);
    rejection = { code: error.code, detail: error.detail };
  }
  const receipt = receiptFor(deps, fields, rejection ? 'rejected' : 'accepted', rejection ?? undefined);
  if (wasHeld) {
    await trx
      .updateTable('docking_inbox')
      .set({
        status: rejection ? 'rejected' : 'applied',
        code: rejection?.code ?? null,
        detail: rejection?.detail ?? null,
        applied_at: rejection ? null : at,
      })
      .where('sender_id', '=', header.senderId)
      .where('message_id', '=', header.messageId)
      .execute();
  } else {
    await recordInbox(trx, envelope, rejection ? 'rejected' : 'applied', receipt, at, rejection);
  }
  await appendAudit(
    trx,
    {
      action: `docking.receive.${header.type}`,
      targetType: 'docking_message',
      targetId: header.messageId,
      outcome: rejection ? 'failure' : 'success',
      details: {
        sender: header.senderId,
        caseRef: header.caseRef,
        sequence: header.sequence,
        bodyDigest: bodyDigestOf(envelope.body, deps.docking.crypto),
        ...(rejection ? { code: rejection.code } : {}),
      },
    },
    at,
  );
  return { status: rejection ? 422 : 200, receipt };
}
