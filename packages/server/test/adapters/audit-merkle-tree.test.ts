import { describe, expect, it } from 'vitest';
import {
  appendLeaves,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  mapSource,
  nodeHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../src/adapters/audit/merkle-tree.ts';

// Reference MTH straight from RFC 9162 §2.1.1, over the leaf hashes.
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leaves = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const tree = new Map<string, Buffer>();
appendLeaves(tree, 0, leaves);
const node = mapSource(tree);
const flip = (b: Buffer) => {
  const c = Buffer.from(b);
  c[0] = c[0]! ^ 1;
  return c;
};

describe('the audit Merkle tree (RFC 6962 structure, SM3)', () => {
  it('computes the RFC root for every size, appending in batches or one by one', () => {
    expect(treeRoot(node, 0)).toEqual(EMPTY_ROOT);
    const batched = new Map<string, Buffer>();
    appendLeaves(batched, 0, leaves.slice(0, 5));
    appendLeaves(batched, 5, leaves.slice(5, 6));
    appendLeaves(batched, 6, leaves.slice(6));
    for (let n = 1; n <= leaves.length; n++) {
      expect(treeRoot(node, n).toString('hex')).toBe(referenceRoot(leaves.slice(0, n)).toString('hex'));
    }
    expect(treeRoot(mapSource(batched), 33)).toEqual(treeRoot(node, 33));
    // Domain separation: a leaf is not a node of the same bytes.
    expect(leafHash(Buffer.concat([leaves[0]!, leaves[1]!]))).not.toEqual(nodeHash(leaves[0]!, leaves[1]!));
  });

  it('proves every leaf of every tree size, and refuses wrong proofs', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const root = treeRoot(node, n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(node, m, n);
        expect(verifyInclusion(m, n, leaves[m]!, proof, root)).toBe(true);
        expect(verifyInclusion(m, n, flip(leaves[m]!), proof, root)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, leaves[m]!, [flip(proof[0]!), ...proof.slice(1)], root)).toBe(false);
          expect(verifyInclusion(m, n, leaves[m]!, proof.slice(1), root)).toBe(false);
        }
        if (n > 1) expect(verifyInclusion((m + 1) % n, n, leaves[m]!, proof, root)).toBe(false);
      }
      expect(verifyInclusion(n, n, leaves[0]!, [], root)).toBe(false);
    }
  });

  it('proves every tree consistent with each later one, and refuses wrong proofs', () => {
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(node, m, n);
        const [rm, rn] = [treeRoot(node, m), treeRoot(node, n)];
        expect(verifyConsistency(m, n, rm, rn, proof)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, flip(rm), rn, proof)).toBe(false);
          expect(verifyConsistency(m, n, rm, flip(rn), proof)).toBe(false);
          expect(verifyConsistency(m, n, rm, rn, [flip(proof[0]!), ...proof.slice(1)])).toBe(false);
          // A tree whose leaf m-1 differs is not a prefix.
          const other = new Map<string, Buffer>();
          appendLeaves(other, 0, [...leaves.slice(0, m - 1), flip(leaves[m - 1]!), ...leaves.slice(m, n)]);
          expect(verifyConsistency(m, n, rm, treeRoot(mapSource(other), n), proof)).toBe(false);
        }
      }
    }
  });
});
