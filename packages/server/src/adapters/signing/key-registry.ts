import type { PlatformKeys } from '../crypto/keys.ts';
import { type TrustedKey, trustedKey } from './trusted-key.ts';

/** A key the platform trusts for what was signed within its validity: [validFrom, validUntil), open ends unbounded. */
export interface PinnedKey extends TrustedKey {
  validFrom: Date | null;
  validUntil: Date | null;
}

/**
 * The platform's own keys, pinned outside the database: the current signing key and the keys it replaced, each with
 * the period it signed in. The current key is valid from the end of the latest retired one. A signature is checked
 * against these, never against a public key stored beside the signed data, which anyone who can write the row
 * could replace together with the data and the signature.
 */
export function platformKeyRegistry(keys: Pick<PlatformKeys, 'signer' | 'retiredSigningKeys'>): PinnedKey[] {
  const retired = (keys.retiredSigningKeys ?? []).map((k) => ({
    ...trustedKey(k.publicKeyPem, k.algorithm),
    validFrom: k.validFrom === null ? null : new Date(k.validFrom),
    validUntil: new Date(k.validUntil),
  }));
  const lastEnd = retired.reduce<Date | null>(
    (latest, k) => (latest === null || (k.validUntil && k.validUntil > latest) ? k.validUntil : latest),
    null,
  );
  const current = {
    ...trustedKey(keys.signer.publicKeyPem, keys.signer.algorithm),
    validFrom: lastEnd,
    validUntil: null,
  };
  return [current, ...retired];
}

/** The pinned keys that could have made a signature at `at`. */
export function keysValidAt(registry: readonly PinnedKey[], at: Date): TrustedKey[] {
  const t = at.getTime();
  return registry
    .filter(
      (k) =>
        (k.validFrom === null || k.validFrom.getTime() <= t) &&
        (k.validUntil === null || t < k.validUntil.getTime()),
    )
    .map(({ keyId, algorithm, publicKeyPem }) => ({ keyId, algorithm, publicKeyPem }));
}
