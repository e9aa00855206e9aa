import { consistencyProof } from '../../../adapters/audit/merkle-tree.ts';
import { overStoredTree } from '../../../adapters/audit/stored-tree.ts';
import type { SignedTreeHead } from '../../../adapters/audit/tree-head.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../require-permission.ts';
import { signedHeadOrThrow } from './signed-head.ts';

export interface ConsistencyProof {
  from: SignedTreeHead;
  to: SignedTreeHead;
  /** RFC 9162 §2.1.4 consistency proof, hex. */
  proof: string[];
}

/** Proof that the log at signed head `from` is a prefix of the log at signed head `to` (the latest by default). */
export async function proveAuditConsistency(
  deps: Deps,
  ctx: SignedInContext,
  input: { from: number; to?: number },
): Promise<ConsistencyProof> {
  requirePermission(ctx, 'audit.read');
  const [from, to] = await Promise.all([
    signedHeadOrThrow(deps.db, input.from),
    signedHeadOrThrow(deps.db, input.to),
  ]);
  if (from.treeSize > to.treeSize) {
    throw appError('VALIDATION_FAILED', {
      reason: { zh: '起始树头不能大于目标树头', en: '`from` must not be larger than `to`' },
    });
  }
  const proof = await overStoredTree(deps.db, (node) => consistencyProof(node, from.treeSize, to.treeSize));
  return { from, to, proof: proof.map((h) => h.toString('hex')) };
}
