import type { Deps, SignedInContext } from '../../deps.ts';
import { requirePermission } from '../common/require-permission.ts';

const LIMIT = 200;

/**
 * What needs an administrator's eye on the link: outgoing messages that died after every retry or that the peer
 * rejected (the dead-letter list), incoming messages refused here, and open divergences found by reconciliation.
 */
export async function listLinkProblems(deps: Deps, ctx: SignedInContext) {
  requirePermission(ctx, 'docking.monitor');
  const [outgoing, refusedHere, unattributed, divergences] = await Promise.all([
    deps.db
      .selectFrom('docking_outbox')
      .select([
        'message_id',
        'peer_id',
        'type',
        'case_ref',
        'sequence',
        'status',
        'attempts',
        'last_error',
        'created_at',
      ])
      .where('status', 'in', ['dead', 'rejected'])
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .execute(),
    deps.db
      .selectFrom('docking_inbox')
      .select(['message_id', 'sender_id', 'type', 'case_ref', 'sequence', 'code', 'detail', 'received_at'])
      .where('status', '=', 'rejected')
      .orderBy('received_at', 'desc')
      .limit(LIMIT)
      .execute(),
    deps.db
      .selectFrom('docking_rejections')
      .select(['id', 'sender_id', 'message_id', 'code', 'detail', 'received_at'])
      .orderBy('received_at', 'desc')
      .limit(LIMIT)
      .execute(),
    deps.db
      .selectFrom('docking_divergences')
      .selectAll()
      .where('resolved_at', 'is', null)
      .orderBy('found_at', 'desc')
      .limit(LIMIT)
      .execute(),
  ]);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    deadLetters: outgoing.map((m) => ({
      messageId: m.message_id,
      peerId: m.peer_id,
      type: m.type,
      caseRef: m.case_ref,
      sequence: m.sequence,
      status: m.status,
      attempts: m.attempts,
      lastError: m.last_error,
      createdAt: iso(m.created_at),
    })),
    refused: [
      ...refusedHere.map((m) => ({
        messageId: m.message_id,
        senderId: m.sender_id,
        type: m.type,
        caseRef: m.case_ref,
        code: m.code ?? '',
        detail: m.detail,
        receivedAt: iso(m.received_at),
      })),
      ...unattributed.map((m) => ({
        messageId: m.message_id,
        senderId: m.sender_id,
        type: null,
        caseRef: null,
        code: m.code,
        detail: m.detail,
        receivedAt: iso(m.received_at),
      })),
    ],
    divergences: divergences.map((d) => ({
      id: String(d.id),
      peerId: d.peer_id,
      caseRef: d.case_ref,
      ours: d.ours,
      theirs: d.theirs,
      foundAt: iso(d.found_at),
    })),
  };
}
