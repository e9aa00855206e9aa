import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type NodeSource, mapSource, nodeKey, nodesRead } from './merkle-tree.ts';
import { type SignedTreeHead, treeHeadOf } from './tree-head.ts';

/** The latest signed head, or the one of `treeSize` leaves when given. */
export async function treeHead(db: Kysely<DB>, treeSize?: number): Promise<SignedTreeHead | undefined> {
  let query = db.selectFrom('audit_tree_heads').selectAll();
  query =
    treeSize === undefined
      ? query.orderBy('tree_size', 'desc').limit(1)
      : query.where('tree_size', '=', treeSize);
  const row = await query.executeTakeFirst();
  return row ? treeHeadOf(row) : undefined;
}

export const latestTreeHead = (db: Kysely<DB>) => treeHead(db);

/** Reads the given nodes (leaves from the log, the rest from audit_tree_nodes) in two queries. */
export async function loadStoredNodes(
  db: Kysely<DB>,
  wanted: readonly { level: number; idx: number }[],
): Promise<Map<string, Buffer>> {
  const known = new Map<string, Buffer>();
  const leaves = wanted.filter((n) => n.level === 0).map((n) => n.idx);
  const inner = wanted.filter((n) => n.level > 0);
  if (leaves.length > 0) {
    const rows = await db
      .selectFrom('audit_log_leaves')
      .select(['log_index', 'leaf_hash'])
      .where('log_index', 'in', leaves)
      .execute();
    for (const r of rows) known.set(nodeKey(0, r.log_index), Buffer.from(r.leaf_hash, 'hex'));
  }
  if (inner.length > 0) {
    const levels = inner.map((n) => n.level);
    const idxs = inner.map((n) => n.idx);
    const { rows } = await sql<{ level: number; idx: number; hash: string }>`
      select n.level, n.idx, n.hash from audit_tree_nodes n
      join unnest(${levels}::int2[], ${idxs}::int8[]) as w(level, idx) on n.level = w.level and n.idx = w.idx`.execute(
      db,
    );
    for (const r of rows) known.set(nodeKey(r.level, Number(r.idx)), Buffer.from(r.hash, 'hex'));
  }
  return known;
}

/** Runs a proof or root computation over the stored tree, fetching exactly the nodes it reads. */
export async function overStoredTree<T>(db: Kysely<DB>, compute: (node: NodeSource) => T): Promise<T> {
  const known = await loadStoredNodes(db, nodesRead(compute));
  return compute(mapSource(known));
}
