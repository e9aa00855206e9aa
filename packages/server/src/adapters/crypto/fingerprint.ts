import { createHash } from 'node:crypto';
import { pemToDer } from './der.ts';
import { sm3Hex } from './sm3.ts';

/** Digest of the SubjectPublicKeyInfo DER: SM3 for SM2 keys, SHA-256 for the Ed25519 fallback. */
export function publicKeyFingerprint(publicKeyPem: string, algorithm: 'SM2' | 'Ed25519'): string {
  const der = pemToDer(publicKeyPem, 'PUBLIC KEY');
  return algorithm === 'SM2' ? sm3Hex(der) : createHash('sha256').update(der).digest('hex');
}
