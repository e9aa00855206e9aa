import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordHash, storedDetails, storedText } from './record-hash.ts';

export interface AuditEntry {
  requestId?: string | null;
  actorUserId?: string | null;
  actorRole?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

const stored = (text: string | null | undefined) => (text == null ? null : storedText(text));

function auditRow(entry: AuditEntry, at: Date) {
  const content = {
    at: at.toISOString(),
    requestId: stored(entry.requestId),
    actorUserId: stored(entry.actorUserId),
    actorRole: stored(entry.actorRole),
    action: storedText(entry.action),
    targetType: stored(entry.targetType),
    targetId: stored(entry.targetId),
    outcome: entry.outcome,
    details: storedDetails(entry.details),
  };
  return {
    at: content.at,
    request_id: content.requestId,
    actor_user_id: content.actorUserId,
    actor_role: content.actorRole,
    action: content.action,
    target_type: content.targetType,
    target_id: content.targetId,
    outcome: entry.outcome,
    details: JSON.stringify(content.details),
    hash: recordHash(content),
  };
}

/**
 * Appends one record inside the caller's transaction, so the record exists exactly when the change it describes
 * does (or, given the database itself, in a statement of its own: sign-in failures, denials). No lock and nothing read: the record carries the hash of its own content, the database numbers it, and the
 * integrator (use-cases/common/audit/integrate-audit-log.ts) later puts it into the signed Merkle log.
 * Answers the record's number.
 */
export async function appendAudit(
  trx: Kysely<DB>,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<number> {
  const { seq } = await auditInsert(trx, entry, at).executeTakeFirstOrThrow();
  return seq;
}

/** The insert statement of `appendAudit`, to be run as part of a larger statement (a data-modifying CTE). */
export function auditInsert(trx: Kysely<DB>, entry: AuditEntry, at: Date = new Date()) {
  return trx.insertInto('audit_log').values(auditRow(entry, at)).returning('seq');
}
