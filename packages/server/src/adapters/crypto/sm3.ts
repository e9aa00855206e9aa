import { createHash, createHmac, getHashes } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';

// Node links OpenSSL 3, which normally has SM3; sm-crypto-v2 covers builds without it.
const nodeHasSm3 = getHashes().includes('sm3');

const encoder = new TextEncoder();

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** SM3 digest (GB/T 32905) of UTF-8 text or bytes, as 64 lowercase hex characters. */
export function sm3Hex(data: string | Uint8Array): string {
  if (nodeHasSm3) return createHash('sm3').update(toBytes(data)).digest('hex');
  return sm3(toBytes(data));
}

/** HMAC-SM3 of UTF-8 text or bytes, as 64 lowercase hex characters. */
export function hmacSm3Hex(key: Uint8Array, data: string | Uint8Array): string {
  if (nodeHasSm3) return createHmac('sm3', key).update(toBytes(data)).digest('hex');
  return sm3(toBytes(data), { key, mode: 'hmac' });
}

/** An SM3 digest fed piece by piece (a recording's chunks in order), for files too large to hold at once. */
export interface Sm3Hasher {
  update(bytes: Uint8Array): void;
  hex(): string;
}

export function sm3Hasher(): Sm3Hasher {
  if (nodeHasSm3) {
    const hash = createHash('sm3');
    return { update: (bytes) => hash.update(bytes), hex: () => hash.digest('hex') };
  }
  const pieces: Uint8Array[] = [];
  return { update: (bytes) => pieces.push(bytes), hex: () => sm3(Buffer.concat(pieces)) };
}
