import { type Compilable, type Kysely, sql } from 'kysely';
import { oneStatement } from '../db/one-statement.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import type { DB } from '../db/schema.ts';

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

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 7734002;

interface ChainedFields {
  seq: number;
  at: string;
  requestId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  prevHash: string;
}

/** The hash of a record covers every field and the previous record's hash: change one, and every later hash breaks. */
export function auditHash(fields: ChainedFields): string {
  return sm3Hex(canonicalJson(fields));
}

interface PendingAudit {
  entry: AuditEntry;
  at: Date;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Work that must happen while the chain's lock is held (a case number: serialized anyway, so it is serialized once).
 * `step` runs right after the lock is taken, as one statement that also reads the chain head through `head` (it is
 * then read after the lock, as it must be); the statements it returns are written in the same statement as the
 * audit records (data-modifying CTEs). Inside `withAuditBatch` the records it has collected may still be completed
 * by `step` (their details are hashed only afterwards).
 */
export type ChainLockedStep = (
  trx: Kysely<DB>,
  head: ReturnType<typeof chainHeadQuery>,
) => Promise<{ head: ChainHead | undefined; writes: Compilable[] }>;

interface Batch {
  pending: PendingAudit[];
  steps: ChainLockedStep[];
}

const batches = new WeakMap<Kysely<DB>, Batch>();

const chainHeadQuery = (trx: Kysely<DB>) =>
  trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1);

/**
 * Appends one record inside the caller's transaction, so the record exists exactly when the change it
 * describes does. The advisory lock serializes appenders so the chain stays linear across instances.
 * Inside `withAuditBatch` the record is written at the end of the batch instead, and 0 is returned.
 */
export async function appendAudit(
  trx: Kysely<DB>,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<number> {
  const batch = batches.get(trx);
  if (batch) {
    batch.pending.push({ entry, at });
    return 0;
  }
  return writeAudit(trx, [{ entry, at }], []);
}

/**
 * Runs `step` with the chain's lock held: at the end of the enclosing `withAuditBatch`, in the statements that write
 * its records, or at once (taking the lock) outside a batch.
 */
export async function whenChainLocked(trx: Kysely<DB>, step: ChainLockedStep): Promise<void> {
  const batch = batches.get(trx);
  if (batch) {
    batch.steps.push(step);
    return;
  }
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const { writes } = await step(trx, chainHeadQuery(trx));
  for (const write of writes) await trx.executeQuery(write.compile());
}

/**
 * Runs `work` with the audit records it appends on `trx` collected, then writes them in order with one lock
 * acquisition and one statement at its end: the chain's lock, held until commit, is then held only for the end
 * of the transaction instead of most of it. Same records, same order, same transaction.
 */
export async function withAuditBatch<T>(trx: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  const batch: Batch = { pending: [], steps: [] };
  batches.set(trx, batch);
  try {
    const result = await work();
    batches.delete(trx);
    if (batch.pending.length > 0 || batch.steps.length > 0) await writeAudit(trx, batch.pending, batch.steps);
    return result;
  } finally {
    batches.delete(trx);
  }
}

async function writeAudit(
  trx: Kysely<DB>,
  pending: readonly PendingAudit[],
  steps: readonly ChainLockedStep[],
): Promise<number> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const writes: Compilable[] = [];
  let last: ChainHead | undefined;
  if (steps.length === 0) last = await chainHeadQuery(trx).executeTakeFirst();
  for (const step of steps) {
    const done = await step(trx, chainHeadQuery(trx));
    last = done.head;
    writes.push(...done.writes);
  }
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = pending.map(({ entry, at }) => {
    seq += 1;
    const fields: ChainedFields = {
      seq,
      at: at.toISOString(),
      requestId: entry.requestId ?? null,
      actorUserId: entry.actorUserId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome,
      details: entry.details ?? {},
      prevHash,
    };
    prevHash = auditHash(fields);
    return {
      seq: fields.seq,
      at: fields.at,
      request_id: fields.requestId,
      actor_user_id: fields.actorUserId,
      actor_role: fields.actorRole,
      action: fields.action,
      target_type: fields.targetType,
      target_id: fields.targetId,
      outcome: entry.outcome,
      details: JSON.stringify(fields.details),
      prev_hash: fields.prevHash,
      hash: prevHash,
    };
  });
  const insert = rows.length > 0 ? [trx.insertInto('audit_log').values(rows)] : [];
  if (writes.length + insert.length > 0) await trx.executeQuery(oneStatement([...writes, ...insert]));
  return seq;
}

/** Appends in a transaction of its own: for events with no state change (sign-in failures, denials). */
export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, at?: Date): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry, at));
}
