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

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as PostgreSQL keeps it: an unpaired surrogate is written as U+FFFD, and a NUL can't be stored at all (so it
 * becomes U+FFFD too). Requests with such text are refused at the HTTP boundary; this keeps any other source (a
 * file's contents, a peer's message) from making a record whose hash covers text the database will not keep.
 */
export const storedText = (text: string): string => text.replace(UNSTORABLE, '\uFFFD');

function storedValue(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (Array.isArray(value)) return value.map(storedValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storedText(k), storedValue(v)]));
  }
  return value;
}

/**
 * The details as jsonb gives them back (undefined dropped, dates as strings, numbers re-read, text as stored):
 * hashed and stored in this form so the verifier re-reads exactly what was hashed.
 */
export function storedDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (details === undefined) return {};
  return storedValue(JSON.parse(JSON.stringify(details))) as Record<string, unknown>;
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
