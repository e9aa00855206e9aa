import { isCanonicalSignature } from './canonical-signature.ts';
import { sm2 } from 'sm-crypto-v2';
import { publicKeyFingerprint } from './fingerprint.ts';
import type { Signer } from './signer.ts';
import {
  sm2PrivateKeyFromPem,
  sm2PrivateKeyToPem,
  sm2PublicKeyFromPem,
  sm2PublicKeyToPem,
} from './sm2-pem.ts';

/** GB/T 32918 default signer ID, the one openssl uses with `-sigopt distid:1234567812345678`. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

// hash: SM3 over Z‖M (Z from the ID and public key) as GB/T 32918 requires; der: ASN.1 (r, s) like openssl.
const options = { hash: true, der: true, userId: SM2_DEFAULT_USER_ID } as const;

function createSm2Signer(privateKeyHex: string, derivePublicKeyHex: () => string): Signer {
  // The public key is derived on first use: an elliptic-curve multiplication (~0.2 s) every start would otherwise pay.
  let publicKeyHex: string | undefined;
  let publicKeyPem: string | undefined;
  let keyId: string | undefined;
  const publicHex = () => (publicKeyHex ??= derivePublicKeyHex());
  const publicPem = () => (publicKeyPem ??= sm2PublicKeyToPem(publicHex()));
  return {
    algorithm: 'SM2',
    get publicKeyPem() {
      return publicPem();
    },
    get keyId() {
      keyId ??= publicKeyFingerprint(publicPem(), 'SM2');
      return keyId;
    },
    sign: (data) => sm2.doSignature(data, privateKeyHex, { ...options, publicKey: publicHex() }),
    exportPrivateKeyPem: () => sm2PrivateKeyToPem(privateKeyHex, publicHex()),
  };
}

export function generateSm2Signer(): Signer {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return createSm2Signer(privateKey.padStart(64, '0'), () => publicKey);
}

export function sm2SignerFromPem(privateKeyPem: string): Signer {
  const privateKeyHex = sm2PrivateKeyFromPem(privateKeyPem);
  return createSm2Signer(privateKeyHex, () => sm2.getPublicKeyFromPrivateKey(privateKeyHex));
}

/**
 * Verifying multiplies the public key by a scalar; with the key's multiples precomputed (a 4-bit window, about a
 * hundred kilobytes) that is four to five times faster. A platform verifies the same few keys over and over (its peers',
 * its own, its signers'), so the last `PRECOMPUTED_KEYS` keys used stay precomputed.
 */
const PRECOMPUTED_KEYS = 256;
const PRECOMPUTE_WINDOW = 4;
const precomputed = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();

function precomputedKey(publicKeyPem: string) {
  let point = precomputed.get(publicKeyPem);
  if (point) {
    precomputed.delete(publicKeyPem); // re-inserted below: the map's order is the order of use
  } else {
    point = sm2.precomputePublicKey(sm2PublicKeyFromPem(publicKeyPem), PRECOMPUTE_WINDOW);
    if (precomputed.size >= PRECOMPUTED_KEYS) precomputed.delete(precomputed.keys().next().value as string);
  }
  precomputed.set(publicKeyPem, point);
  return point;
}

export function sm2Verify(publicKeyPem: string, data: Uint8Array | string, signatureHex: string): boolean {
  try {
    // The library reads DER loosely (it skips the SEQUENCE and second INTEGER headers): only the one strict,
    // lowercase spelling of (r, s) counts, or changed header bytes would still verify.
    if (!isCanonicalSignature('SM2', signatureHex)) return false;
    return sm2.doVerifySignature(data, signatureHex, precomputedKey(publicKeyPem), options);
  } catch {
    return false;
  }
}
