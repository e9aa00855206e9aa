import { publicKeyFingerprint } from '../crypto/fingerprint.ts';
import type { SignatureAlgorithm, Signer } from '../crypto/signer.ts';

/** A public key a verifier accepts signatures from, named by its fingerprint (the key id signers report). */
export interface TrustedKey {
  keyId: string;
  algorithm: SignatureAlgorithm;
  publicKeyPem: string;
}

/** Trusts a public key under its own fingerprint, so an envelope naming any other key id finds no key. */
export function trustedKey(publicKeyPem: string, algorithm: SignatureAlgorithm): TrustedKey {
  return { keyId: publicKeyFingerprint(publicKeyPem, algorithm), algorithm, publicKeyPem };
}

export const trustedKeyOf = (signer: Signer): TrustedKey => trustedKey(signer.publicKeyPem, signer.algorithm);
