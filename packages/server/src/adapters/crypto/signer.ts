import { createPrivateKey } from 'node:crypto';
import { isCanonicalSignature } from './canonical-signature.ts';
import { ed25519SignerFromPem, ed25519Verify, generateEd25519Signer } from './ed25519-signer.ts';
import { generateSm2Signer, sm2SignerFromPem, sm2Verify } from './sm2-signer.ts';

/** SM2 (GB/T 32918, SM3 digest) is the default; Ed25519 is the configurable fallback. */
export type SignatureAlgorithm = 'SM2' | 'Ed25519';

/**
 * Signs with one private key. Strings are signed as their UTF-8 bytes.
 * Signatures are lowercase hex: for SM2 the DER-encoded (r, s) SEQUENCE exactly as
 * `openssl dgst -sm3 -sign` writes it; for Ed25519 the raw 64-byte signature.
 */
export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  /** SubjectPublicKeyInfo PEM. */
  readonly publicKeyPem: string;
  /** Fingerprint of the public key (see publicKeyFingerprint), hex. */
  readonly keyId: string;
  sign(data: Uint8Array | string): string;
  /** PKCS#8 PEM, for storing the key. */
  exportPrivateKeyPem(): string;
}

/** Checks a hex signature made by a Signer; never throws on malformed input, returns false. */
type Verifier = (publicKeyPem: string, data: Uint8Array | string, signatureHex: string) => boolean;

const verifiers: Record<SignatureAlgorithm, Verifier> = { SM2: sm2Verify, Ed25519: ed25519Verify };

export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicKeyPem: string,
  data: Uint8Array | string,
  signatureHex: string,
): boolean {
  // One spelling per signature for every algorithm (lowercase hex; strict DER for SM2), so none has a second form.
  return (
    isCanonicalSignature(algorithm, signatureHex) && verifiers[algorithm](publicKeyPem, data, signatureHex)
  );
}

export function generateSigner(algorithm: SignatureAlgorithm): Signer {
  return algorithm === 'SM2' ? generateSm2Signer() : generateEd25519Signer();
}

function keyTypeOf(privateKeyPem: string): string | undefined {
  try {
    return createPrivateKey(privateKeyPem).asymmetricKeyType;
  } catch {
    return undefined; // Node builds differ in whether they parse SM2 keys; ours parses them itself.
  }
}

/** Loads a signer from a PKCS#8 (or, for SM2, SEC1) PEM, detecting the algorithm from the key. */
export function signerFromPem(privateKeyPem: string): Signer {
  return keyTypeOf(privateKeyPem) === 'ed25519'
    ? ed25519SignerFromPem(privateKeyPem)
    : sm2SignerFromPem(privateKeyPem);
}
