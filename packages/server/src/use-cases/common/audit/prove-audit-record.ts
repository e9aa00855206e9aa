import { inclusionProof } from '../../../adapters/audit/merkle-tree.ts';
import { overStoredTree } from '../../../adapters/audit/stored-tree.ts';
import type { SignedTreeHead } from '../../../adapters/audit/tree-head.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../require-permission.ts';
import { signedHeadOrThrow } from './signed-head.ts';

export interface RecordProof {
  seq: number;
  logIndex: number;
  leafHash: string;
  /** Sibling hashes from the leaf up to the head's root (RFC 9162 §2.1.3), hex. */
  proof: string[];
  head: SignedTreeHead;
}

/** The inclusion proof of one record in a signed tree head (the latest unless `treeSize` names one). */
export async function proveAuditRecord(
  deps: Deps,
  ctx: SignedInContext,
  input: { seq: number; treeSize?: number },
): Promise<RecordProof> {
  requirePermission(ctx, 'audit.read');
  const head = await signedHeadOrThrow(deps.db, input.treeSize);
  const leaf = await deps.db
    .selectFrom('audit_log_leaves')
    .selectAll()
    .where('seq', '=', input.seq)
    .executeTakeFirst();
  if (!leaf || leaf.log_index >= head.treeSize) {
    throw appError('NOT_FOUND', {
      entity: { zh: '该树头中的审计记录', en: 'Audit record in this tree head' },
    });
  }
  const proof = await overStoredTree(deps.db, (node) => inclusionProof(node, leaf.log_index, head.treeSize));
  return {
    seq: leaf.seq,
    logIndex: leaf.log_index,
    leafHash: leaf.leaf_hash,
    proof: proof.map((h) => h.toString('hex')),
    head,
  };
}
