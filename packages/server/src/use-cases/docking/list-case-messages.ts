import type { Deps, SignedInContext } from '../../deps.ts';
import { DOCKING_MESSAGE_LABELS, type DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { requirePermission } from '../common/require-permission.ts';
import { loadReadableCase } from '../mediation/cases/case-access.ts';

export interface CaseMessage {
  direction: 'sent' | 'received';
  messageId: string;
  type: string;
  label: { zh: string; en: string };
  sequence: number;
  /** sent: pending, delivered, rejected, dead; received: applied, held, rejected. */
  status: string;
  /** The receipt's outcome (for sent messages: the peer's; for received: ours) and code. */
  receipt: { outcome: string; code: string | null; at: string } | null;
  at: string;
  lastError: string | null;
}

const receiptOf = (signed: SignedReceipt | null) =>
  signed
    ? { outcome: signed.receipt.outcome, code: signed.receipt.code, at: signed.receipt.receivedAt }
    : null;

/**
 * A case's message history on this side of the link, both directions, with receipts. Who may read it: on the
 * court platform whoever reads the court's cases; on the mediation platform whoever may read the referred case.
 */
export async function listCaseMessages(
  deps: Deps,
  ctx: SignedInContext,
  caseRef: string,
): Promise<{ items: CaseMessage[] }> {
  if (deps.platform === 'court') {
    requirePermission(ctx, 'court.case.read');
  } else {
    const c = await deps.db
      .selectFrom('cases')
      .select('id')
      .where('court_case_ref', '=', caseRef)
      .executeTakeFirst();
    await loadReadableCase(deps.db, ctx.actor, c?.id ?? '');
  }
  const [sent, received] = await Promise.all([
    deps.db.selectFrom('docking_outbox').selectAll().where('case_ref', '=', caseRef).execute(),
    deps.db.selectFrom('docking_inbox').selectAll().where('case_ref', '=', caseRef).execute(),
  ]);
  const label = (type: string) =>
    DOCKING_MESSAGE_LABELS[type as DockingMessageType] ?? { zh: type, en: type };
  const items: CaseMessage[] = [
    ...sent.map((m) => ({
      direction: 'sent' as const,
      messageId: m.message_id,
      type: m.type,
      label: label(m.type),
      sequence: m.sequence,
      status: m.status,
      receipt: receiptOf(m.receipt),
      at: new Date(m.created_at).toISOString(),
      lastError: m.last_error,
    })),
    ...received.map((m) => ({
      direction: 'received' as const,
      messageId: m.message_id,
      type: m.type,
      label: label(m.type),
      sequence: m.sequence,
      status: m.status,
      receipt: receiptOf(m.receipt),
      at: new Date(m.received_at).toISOString(),
      lastError: m.code ? `${m.code}: ${m.detail ?? ''}` : null,
    })),
  ];
  items.sort((a, b) => a.at.localeCompare(b.at) || a.sequence - b.sequence);
  return { items };
}
