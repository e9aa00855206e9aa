import { type Kysely, sql } from 'kysely';
import {
  appendLeaves,
  auditLeafHash,
  frontierOf,
  mapSource,
  treeRoot,
} from '../../../adapters/audit/merkle-tree.ts';
import { latestTreeHead, loadStoredNodes } from '../../../adapters/audit/stored-tree.ts';
import { signTreeHead, treeHeadRow } from '../../../adapters/audit/tree-head.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { settledAuditSeq } from './settle-audit-numbers.ts';

// Integrators only (appenders never take it): two instances that both run the job integrate one after the other.
const INTEGRATOR_LOCK = 7734003;
const BATCH = 5000;

/** What the integrator needs: the database, the platform key and the clock (so the CLI and tests can run it too). */
export type IntegratorDeps = Pick<Deps, 'db' | 'engine' | 'keys' | 'now'>;

export interface IntegrationResult {
  /** Records appended to the log by this run. */
  integrated: number;
  treeSize: number;
}

/**
 * Background job `audit.integrate` (jobs/job-registry.ts): appends committed audit records to the Merkle log in the
 * order of their numbers, each exactly once, and signs a tree head per batch. Safe to run from anywhere at any time.
 */
export async function integrateAuditLog(
  deps: IntegratorDeps,
  options: { maxWaitMs?: number; batch?: number } = {},
): Promise<IntegrationResult> {
  const head = await latestTreeHead(deps.db);
  const settled = await settledAuditSeq(
    deps.db,
    deps.engine,
    options.maxWaitMs ?? 3000,
    head?.coveredSeq ?? 0,
  );
  // Nothing new (the usual case every 2 s): no transaction, no lock.
  if (settled === null || settled <= (head?.coveredSeq ?? 0))
    return { integrated: 0, treeSize: head?.treeSize ?? 0 };
  let integrated = 0;
  for (;;) {
    const step = await deps.db
      .transaction()
      .execute((trx) => integrateBatch(trx, deps, settled, options.batch ?? BATCH));
    integrated += step.added;
    if (!step.more) return { integrated, treeSize: step.treeSize };
  }
}

async function integrateBatch(trx: Kysely<DB>, deps: IntegratorDeps, settled: number | null, batch: number) {
  await sql`select pg_advisory_xact_lock(${INTEGRATOR_LOCK})`.execute(trx);
  const head = await latestTreeHead(trx);
  // Leaves and their head are written together under the lock: the log's size is the latest head's.
  const size = head?.treeSize ?? 0;
  const covered = head?.coveredSeq ?? 0;
  if (settled === null || settled <= covered) return { added: 0, more: false, treeSize: size };
  const records = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', '>', covered)
    .where('seq', '<=', settled)
    .orderBy('seq')
    .limit(batch)
    .execute();
  if (records.length === 0) return { added: 0, more: false, treeSize: size };

  const known = await loadStoredNodes(trx, frontierOf(size));
  const nodes = appendLeaves(
    known,
    size,
    records.map((r) => auditLeafHash(r.seq, r.hash)),
  );
  const treeSize = size + records.length;
  await trx
    .insertInto('audit_log_leaves')
    .values(
      nodes
        .filter((n) => n.level === 0)
        .map((n) => ({
          log_index: n.idx,
          seq: records[n.idx - size]!.seq,
          leaf_hash: n.hash.toString('hex'),
        })),
    )
    .execute();
  const inner = nodes.filter((n) => n.level > 0);
  if (inner.length > 0) {
    await trx
      .insertInto('audit_tree_nodes')
      .values(inner.map((n) => ({ level: n.level, idx: n.idx, hash: n.hash.toString('hex') })))
      .execute();
  }
  const more = records.length === batch;
  const signed = signTreeHead(deps.keys.signer, {
    treeSize,
    rootHash: treeRoot(mapSource(known), treeSize).toString('hex'),
    // A full batch covers up to its last record; otherwise everything settled is in.
    coveredSeq: more ? records.at(-1)!.seq : settled,
    signedAt: deps.now().toISOString(),
  });
  await trx.insertInto('audit_tree_heads').values(treeHeadRow(signed)).execute();
  return { added: records.length, more, treeSize };
}
