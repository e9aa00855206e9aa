import { canonicalJson } from '../../lib/canonical-json.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import type { AuditLogTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';

/** What a record's hash covers: everything it says. Its number (`seq`) is bound by its leaf in the log instead. */
export interface RecordContent {
  at: string;
  requestId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

/** SM3 of the record's canonical content. */
export function recordHash(content: RecordContent): string {
  return sm3Hex(canonicalJson(content));
}

/**
 * The details as jsonb gives them back (undefined dropped, dates as strings, numbers re-read): hashed and stored in
 * this form so the verifier re-reads exactly what was hashed.
 */
export function storedDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return details === undefined ? {} : (JSON.parse(JSON.stringify(details)) as Record<string, unknown>);
}

/**
 * The hash a stored record must carry. Records written before migration 012 carry their chain hash, which covered
 * their number and their predecessor's hash as well.
 */
export function expectedHashOf(row: Selectable<AuditLogTable>): string {
  const content: RecordContent = {
    at: new Date(row.at).toISOString(),
    requestId: row.request_id,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    details: row.details as Record<string, unknown>,
  };
  if (row.prev_hash === null) return recordHash(content);
  return sm3Hex(canonicalJson({ ...content, seq: row.seq, prevHash: row.prev_hash }));
}
