import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditHash, GENESIS_HASH } from './audit-log.ts';

export type ChainVerdict =
  | { ok: true; records: number; lastHash: string }
  | { ok: false; records: number; brokenSeq: number; reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap' };

const PAGE = 5000;

/** Re-computes every record's hash in order and names the first record that does not fit the chain. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return { ok: true, records, lastHash: prevHash };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, records, brokenSeq: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash)
        return { ok: false, records, brokenSeq: row.seq, reason: 'prev-hash-mismatch' };
      const hash = auditHash({
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        requestId: row.request_id,
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        outcome: row.outcome,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (hash !== row.hash) return { ok: false, records, brokenSeq: row.seq, reason: 'hash-mismatch' };
      prevHash = row.hash;
      expectedSeq += 1;
      records += 1;
    }
  }
}
