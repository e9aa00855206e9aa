import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../src/adapters/audit/audit-log.ts';
import { appendLeaves, auditLeafHash } from '../../src/adapters/audit/merkle-tree.ts';
import { expectedHashOf } from '../../src/adapters/audit/record-hash.ts';
import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import type { DB } from '../../src/adapters/db/schema.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';
import type { TestPlatform } from '../support/test-platform.ts';

const AUDIT_TABLES = ['audit_log', 'audit_log_leaves', 'audit_tree_nodes', 'audit_tree_heads'];

/** `count` records, each integrated (and under a signed head of its own) before the next is appended. */
export async function seedLog(t: TestPlatform, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) {
    seqs.push(await appendAudit(t.deps.db, { action: `test.${i}`, outcome: 'success', details: { i } }));
    await integrateAuditLog(t.deps);
  }
  return seqs;
}

export const verify = (t: TestPlatform) => verifyAuditLog(t.deps.db, t.deps.keys.signer);

/** What an attacker with the table owner's rights does: switch off the append-only triggers, rewrite, switch back. */
export async function tamper(db: Kysely<DB>, work: () => Promise<unknown>): Promise<void> {
  for (const table of AUDIT_TABLES)
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  try {
    await work();
  } finally {
    for (const table of AUDIT_TABLES)
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
  }
}

/** The thorough attacker: after changing records, recomputes every record hash, leaf and tree node. */
export async function recomputeEverything(db: Kysely<DB>): Promise<void> {
  const records = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  for (const r of records) {
    if (r.prev_hash !== null) continue;
    await sql`update audit_log set hash = ${expectedHashOf(r)} where seq = ${r.seq}`.execute(db);
  }
  const leaves = await db
    .selectFrom('audit_log_leaves as l')
    .innerJoin('audit_log as a', 'a.seq', 'l.seq')
    .select(['l.log_index', 'a.seq', 'a.hash'])
    .orderBy('l.log_index')
    .execute();
  const tree = new Map<string, Buffer>();
  const nodes = appendLeaves(
    tree,
    0,
    leaves.map((l) => auditLeafHash(l.seq, l.hash)),
  );
  for (const n of nodes) {
    if (n.level === 0)
      await sql`update audit_log_leaves set leaf_hash = ${n.hash.toString('hex')} where log_index = ${n.idx}`.execute(
        db,
      );
    else
      await sql`update audit_tree_nodes set hash = ${n.hash.toString('hex')} where level = ${n.level} and idx = ${n.idx}`.execute(
        db,
      );
  }
}
