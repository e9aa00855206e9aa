import type { TrustedKey } from '../signing/trusted-key.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  appendLeaves,
  auditLeafHash,
  consistencyProof,
  mapSource,
  nodeKey,
  treeRoot,
  verifyConsistency,
} from './merkle-tree.ts';
import { expectedHashOf } from './record-hash.ts';
import { type SignedTreeHead, treeHeadOf, verifyTreeHead } from './tree-head.ts';

export type AuditProblem =
  /** The record's content does not match its hash. */
  | 'hash-mismatch'
  /** The record's leaf in the log does not match the record (number or hash changed). */
  | 'leaf-mismatch'
  /** A record numbered in the integrated past that is not in the log: inserted behind the log's back. */
  | 'not-in-log'
  /** A leaf whose record is gone: deleted. */
  | 'record-missing'
  /** Leaves out of number order, or a hole in the leaf numbering. */
  | 'log-order'
  /** A stored tree node does not match the leaves (proofs served from it would fail). */
  | 'node-mismatch'
  /** A signed head is larger than the log: its newest leaves were deleted. */
  | 'log-truncated'
  /** The log's root at a signed head's size is not the signed root: a leaf in that head's range was changed. */
  | 'head-root-mismatch'
  | 'head-signature-invalid'
  /** Two consecutive heads are not consistent (the later does not extend the earlier). */
  | 'head-inconsistent';

export type AuditVerdict =
  | {
      ok: true;
      /** Records checked. */
      records: number;
      /** Records in the log (its tree size). */
      integrated: number;
      /** Records committed since the latest signed head, not yet integrated. */
      pending: number;
      heads: number;
      /** Root of the whole log, hex (the latest head's root once everything is integrated). */
      rootHash: string;
      latestHead: SignedTreeHead | null;
    }
  | {
      ok: false;
      records: number;
      reason: AuditProblem;
      /** The first bad record, where one can be named. */
      brokenSeq?: number;
      brokenLogIndex?: number;
      detail: string;
    };

const PAGE = 5000;

/**
 * Checks everything about the audit trail: each record's hash; the log's leaves against the records (none missing,
 * none changed, in number order, none left out); the stored tree nodes; every signed head's signature and root;
 * consistency between consecutive heads. Names the first bad record. `trusted`: the platform's public key.
 */
export async function verifyAuditLog(db: Kysely<DB>, trusted?: TrustedKey): Promise<AuditVerdict> {
  const heads = (await db.selectFrom('audit_tree_heads').selectAll().orderBy('tree_size').execute()).map(
    treeHeadOf,
  );
  const coveredSeq = heads.at(-1)?.coveredSeq ?? 0;
  const leaves: Buffer[] = [];
  const seqAt: number[] = [];
  let records = 0;
  let pending = 0;
  let lastLogIndex = -1;
  const fail = (reason: AuditProblem, detail: string, at: { seq?: number; logIndex?: number }) =>
    ({
      ok: false,
      records,
      reason,
      detail,
      ...(at.seq !== undefined ? { brokenSeq: at.seq } : {}),
      ...(at.logIndex !== undefined ? { brokenLogIndex: at.logIndex } : {}),
    }) as const;

  // 1. Records in number order, each with its leaf if it has one.
  for (let after = -1; ; ) {
    const rows = await db
      .selectFrom('audit_log as a')
      .leftJoin('audit_log_leaves as l', 'l.seq', 'a.seq')
      .selectAll('a')
      .select(['l.log_index', 'l.leaf_hash'])
      .where('a.seq', '>', after)
      .orderBy('a.seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = { seq: row.seq, ...(row.log_index === null ? {} : { logIndex: row.log_index }) };
      if (expectedHashOf(row) !== row.hash) return fail('hash-mismatch', `record ${row.seq} was changed`, at);
      if (row.log_index === null || row.leaf_hash === null) {
        if (row.seq <= coveredSeq)
          return fail(
            'not-in-log',
            `record ${row.seq} is numbered in the signed past but not in the log`,
            at,
          );
        pending += 1;
      } else {
        const leaf = auditLeafHash(row.seq, row.hash);
        if (leaf.toString('hex') !== row.leaf_hash)
          return fail('leaf-mismatch', `record ${row.seq} does not match its leaf ${row.log_index}`, at);
        if (row.log_index <= lastLogIndex)
          return fail('log-order', `record ${row.seq} is in the log before an earlier-numbered record`, at);
        lastLogIndex = row.log_index;
        leaves[row.log_index] = leaf;
        seqAt[row.log_index] = row.seq;
      }
      records += 1;
    }
    after = rows.at(-1)!.seq;
  }

  // 2. Leaves whose records are gone, and holes in the leaf numbering.
  const orphan = await db
    .selectFrom('audit_log_leaves as l')
    .leftJoin('audit_log as a', 'a.seq', 'l.seq')
    .select(['l.log_index', 'l.seq'])
    .where('a.seq', 'is', null)
    .orderBy('l.log_index')
    .limit(1)
    .executeTakeFirst();
  if (orphan)
    return fail('record-missing', `record ${orphan.seq} (leaf ${orphan.log_index}) was deleted`, {
      seq: orphan.seq,
      logIndex: orphan.log_index,
    });
  const size = leaves.length;
  for (let i = 0; i < size; i++) {
    if (!leaves[i]) return fail('log-order', `leaf ${i} is missing`, { logIndex: i });
  }

  // 3. The tree: recomputed from the records, compared with the stored nodes.
  const tree = new Map<string, Buffer>();
  appendLeaves(tree, 0, leaves);
  const nodeProblem = await firstStoredNodeMismatch(db, tree, size);
  if (nodeProblem) {
    const first = nodeProblem.idx * 2 ** nodeProblem.level;
    return fail('node-mismatch', `tree node ${nodeKey(nodeProblem.level, nodeProblem.idx)} is wrong`, {
      ...(seqAt[first] === undefined ? {} : { seq: seqAt[first] }),
      logIndex: first,
    });
  }
  const node = mapSource(tree);

  // 4. Every signed head: signature, size, root; consecutive heads consistent.
  let previous: SignedTreeHead | undefined;
  for (const head of heads) {
    const start = previous?.treeSize ?? 0;
    const named = { ...(seqAt[start] === undefined ? {} : { seq: seqAt[start] }), logIndex: start };
    if (!verifyTreeHead(head, trusted))
      return fail(
        'head-signature-invalid',
        `tree head of size ${head.treeSize} is not signed by the platform`,
        named,
      );
    if (head.treeSize > size)
      return fail(
        'log-truncated',
        `tree head of size ${head.treeSize} was signed but the log has ${size} leaves: the records from leaf ${size} on (after record ${seqAt[size - 1] ?? 'none'}) were deleted`,
        { logIndex: size },
      );
    const root = treeRoot(node, head.treeSize);
    if (root.toString('hex') !== head.rootHash)
      return fail(
        'head-root-mismatch',
        `leaves ${start}..${head.treeSize - 1} differ from what the tree head of size ${head.treeSize} signed`,
        named,
      );
    if (previous) {
      const proof = consistencyProof(node, previous.treeSize, head.treeSize);
      const consistent = verifyConsistency(
        previous.treeSize,
        head.treeSize,
        Buffer.from(previous.rootHash, 'hex'),
        Buffer.from(head.rootHash, 'hex'),
        proof,
      );
      if (!consistent)
        return fail(
          'head-inconsistent',
          `tree head ${head.treeSize} does not extend ${previous.treeSize}`,
          named,
        );
    }
    previous = head;
  }
  const rootHash = treeRoot(node, size).toString('hex');
  return {
    ok: true,
    records,
    integrated: size,
    pending,
    heads: heads.length,
    rootHash,
    latestHead: heads.at(-1) ?? null,
  };
}

async function firstStoredNodeMismatch(db: Kysely<DB>, tree: Map<string, Buffer>, size: number) {
  let expected = 0;
  for (let level = 1; 2 ** level <= size; level++) expected += Math.floor(size / 2 ** level);
  const seen = new Set<string>();
  for (let after = { level: 0, idx: -1 }; ; ) {
    const rows = await db
      .selectFrom('audit_tree_nodes')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('level', '>', after.level),
          eb.and([eb('level', '=', after.level), eb('idx', '>', after.idx)]),
        ]),
      )
      .orderBy('level')
      .orderBy('idx')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const mine = tree.get(nodeKey(row.level, row.idx));
      if (!mine || mine.toString('hex') !== row.hash) return { level: row.level, idx: row.idx };
      seen.add(nodeKey(row.level, row.idx));
    }
    const last = rows.at(-1)!;
    after = { level: last.level, idx: last.idx };
  }
  if (seen.size === expected) return undefined;
  // A node is missing: the first (lowest level, then leftmost) the tree has and the table lacks.
  for (let level = 1; 2 ** level <= size; level++) {
    for (let idx = 0; idx < Math.floor(size / 2 ** level); idx++) {
      if (!seen.has(nodeKey(level, idx))) return { level, idx };
    }
  }
  return undefined;
}
