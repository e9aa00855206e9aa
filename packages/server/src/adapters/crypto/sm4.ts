import { randomBytes } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { hmacSm3Hex } from './sm3.ts';

/** A 128-bit SM4 data key and the id written into every value it encrypts. */
export interface DataKey {
  readonly id: string;
  readonly key: Uint8Array;
}

/** Encrypts with `current`; decrypts with whichever key a value names, so keys can be rotated. */
export interface Keyring {
  readonly current: DataKey;
  readonly keys: ReadonlyMap<string, DataKey>;
}

type FieldCryptoErrorCode = 'FIELD_MALFORMED' | 'FIELD_UNKNOWN_KEY' | 'FIELD_AUTH_FAILED';

export class FieldCryptoError extends Error {
  constructor(
    readonly code: FieldCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

const VERSION = 'v1';
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

function checkKey(key: DataKey): void {
  if (!keyIdPattern.test(key.id)) throw new Error(`SM4: key id must match ${keyIdPattern}`);
  if (key.key.length !== 16) throw new Error('SM4: a data key is 16 bytes');
}

export function createKeyring(current: DataKey, retired: readonly DataKey[] = []): Keyring {
  const keys = new Map<string, DataKey>();
  for (const key of [current, ...retired]) {
    checkKey(key);
    if (keys.has(key.id)) throw new Error(`SM4: duplicate key id ${key.id}`);
    keys.set(key.id, key);
  }
  return { current, keys };
}

// The version, key id and caller's context are authenticated, so a value can't be moved to another column or row.
const associatedData = (keyId: string, context: string) =>
  Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');

/**
 * SM4-GCM with a fresh random 12-byte IV: returns `v1:<keyId>:<iv b64>:<ciphertext‖16-byte tag b64>`.
 * `context` (e.g. "party.id_number") must be given again to decrypt.
 */
export function encryptField(key: DataKey, plaintext: string, context = ''): string {
  checkKey(key);
  const iv = randomBytes(12);
  const { output, tag } = sm4.encrypt(Buffer.from(plaintext, 'utf8'), key.key, {
    mode: 'gcm',
    iv,
    associatedData: associatedData(key.id, context),
    output: 'array',
    outputTag: true,
  });
  if (!tag) throw new Error('SM4: GCM produced no tag');
  const sealed = Buffer.concat([output, tag]).toString('base64');
  return `${VERSION}:${key.id}:${iv.toString('base64')}:${sealed}`;
}

export function decryptField(keyring: Keyring, blob: string, context = ''): string {
  const [version, keyId, ivB64, sealedB64, ...extra] = blob.split(':');
  if (version !== VERSION || !keyId || !ivB64 || !sealedB64 || extra.length > 0) {
    throw new FieldCryptoError('FIELD_MALFORMED', 'Encrypted field is not in v1 format');
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new FieldCryptoError('FIELD_UNKNOWN_KEY', `No data key with id ${keyId}`);
  const iv = Buffer.from(ivB64, 'base64');
  const sealed = Buffer.from(sealedB64, 'base64');
  if (iv.length !== 12 || sealed.length < 16) {
    throw new FieldCryptoError('FIELD_MALFORMED', 'Encrypted field has a bad IV or tag');
  }
  try {
    const plain = sm4.decrypt(sealed.subarray(0, -16), key.key, {
      mode: 'gcm',
      iv,
      associatedData: associatedData(keyId, context),
      tag: sealed.subarray(-16),
      output: 'array',
    });
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new FieldCryptoError('FIELD_AUTH_FAILED', 'Encrypted field failed authentication');
  }
}

/**
 * Deterministic HMAC-SM3 of a value, for exact-match lookups and uniqueness on encrypted columns.
 * Normalize the value first (e.g. trim, upper-case the ID number's check letter); use a key separate from data keys.
 */
export function blindIndex(key: Uint8Array, value: string): string {
  if (key.length < 16) throw new Error('Blind index key must be at least 16 bytes');
  return hmacSm3Hex(key, value);
}
