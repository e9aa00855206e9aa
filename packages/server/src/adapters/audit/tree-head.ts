import type { TrustedKey } from '../signing/trusted-key.ts';
import type { Selectable } from 'kysely';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { type SignatureAlgorithm, type Signer, verifySignature } from '../crypto/signer.ts';
import type { AuditTreeHeadsTable } from '../db/audit-schema.ts';

/** What the platform signs about its audit log at a moment. */
export interface TreeHead {
  treeSize: number;
  /** Root of the first `treeSize` leaves, hex. */
  rootHash: string;
  /** Every record numbered up to here is among those leaves. */
  coveredSeq: number;
  signedAt: string;
}

export interface SignedTreeHead extends TreeHead {
  algorithm: SignatureAlgorithm;
  keyId: string;
  publicKeyPem: string;
  signature: string;
}

/** The signed bytes: a typed, canonical statement, so a signature over anything else cannot pass for a head. */
export function treeHeadMessage(head: TreeHead): string {
  return canonicalJson({
    type: 'sutiao.audit.tree-head.v1',
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    coveredSeq: head.coveredSeq,
    signedAt: head.signedAt,
  });
}

export function signTreeHead(signer: Signer, head: TreeHead): SignedTreeHead {
  return {
    ...head,
    algorithm: signer.algorithm,
    keyId: signer.keyId,
    publicKeyPem: signer.publicKeyPem,
    signature: signer.sign(treeHeadMessage(head)),
  };
}

/**
 * Checks a head's signature. With `trusted` (the platform's key, known apart from the database) the head must be
 * signed by that key; without, by the key stored beside it (which proves less: whoever rewrites the table can
 * store their own key).
 */
export function verifyTreeHead(head: SignedTreeHead, trusted?: TrustedKey): boolean {
  // The key by its fingerprint (over the DER), so the same key in a differently wrapped PEM is the same key.
  if (trusted && (trusted.keyId !== head.keyId || trusted.algorithm !== head.algorithm)) return false;
  if (head.algorithm !== 'SM2' && head.algorithm !== 'Ed25519') return false;
  const publicKeyPem = trusted?.publicKeyPem ?? head.publicKeyPem;
  return verifySignature(head.algorithm, publicKeyPem, treeHeadMessage(head), head.signature);
}

export function treeHeadOf(row: Selectable<AuditTreeHeadsTable>): SignedTreeHead {
  return {
    treeSize: row.tree_size,
    rootHash: row.root_hash,
    coveredSeq: row.covered_seq,
    signedAt: new Date(row.signed_at).toISOString(),
    algorithm: row.algorithm as SignatureAlgorithm,
    keyId: row.key_id,
    publicKeyPem: row.public_key_pem,
    signature: row.signature,
  };
}

export function treeHeadRow(head: SignedTreeHead) {
  return {
    tree_size: head.treeSize,
    root_hash: head.rootHash,
    covered_seq: head.coveredSeq,
    signed_at: head.signedAt,
    algorithm: head.algorithm,
    key_id: head.keyId,
    public_key_pem: head.publicKeyPem,
    signature: head.signature,
  };
}
