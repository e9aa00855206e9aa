import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigner, type SignatureAlgorithm, type Signer, signerFromPem } from './signer.ts';
import { createKeyring, type DataKey, type Keyring } from './sm4.ts';
import { sm3Hex } from './sm3.ts';

/** A signing key the platform used before the current one, and the period it signed in. */
export interface RetiredSigningKey {
  algorithm: SignatureAlgorithm;
  publicKeyPem: string;
  /** ISO time; null: from the start. */
  validFrom: string | null;
  /** ISO time it was replaced. */
  validUntil: string;
}

export interface PlatformKeys {
  signer: Signer;
  /**
   * Keys the signer replaced (SUTIAO_RETIRED_SIGNING_KEYS, or retired-signing-keys.json in the keys folder: a JSON
   * array): documents they signed still verify, against them and within their period (adapters/signing/key-registry.ts).
   */
  retiredSigningKeys?: readonly RetiredSigningKey[];
  /** SM4 data keys; the first configured key is current. */
  dataKeys: Keyring;
  /** Key for blindIndex(); kept apart from data keys so rotating them keeps lookups valid. */
  blindIndexKey: Uint8Array;
}

interface LoadPlatformKeysOptions {
  /** e.g. data/<platform>/keys — files are created there (mode 0600) on first start and reused. */
  dir: string;
  /** Production: SUTIAO_SIGNING_KEY_PEM, SUTIAO_SM4_KEY (hex, comma-separated, current first), SUTIAO_BLIND_INDEX_KEY. */
  env?: Record<string, string | undefined>;
  /** Algorithm for a newly created signing key. */
  algorithm?: SignatureAlgorithm;
}

/** The id stored in each encrypted value: a short digest of the key, so ids need no bookkeeping. */
export function dataKeyFromHex(hex: string): DataKey {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error('SM4 key must be 32 hex characters');
  const key = Buffer.from(hex, 'hex');
  return { id: sm3Hex(key).slice(0, 12), key };
}

function keyringFromHexList(list: string): Keyring {
  const [current, ...retired] = list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(dataKeyFromHex);
  if (!current) throw new Error('No SM4 data key configured');
  return createKeyring(current, retired);
}

/** Reads a file, or creates it once (exclusively, mode 0600) and reads what won any race. */
async function readOrCreate(path: string, create: () => string): Promise<string> {
  // Read first: `create()` may generate a signing key (~0.35 s), which every start would otherwise pay and discard.
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return existing;
  try {
    await writeFile(path, create(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFile(path, 'utf8');
}

export async function loadPlatformKeys(options: LoadPlatformKeysOptions): Promise<PlatformKeys> {
  const env = options.env ?? {};
  const needsDir = !env.SUTIAO_SIGNING_KEY_PEM || !env.SUTIAO_SM4_KEY || !env.SUTIAO_BLIND_INDEX_KEY;
  if (needsDir) await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = (name: string, create: () => string) => readOrCreate(join(options.dir, name), create);

  const signingPem =
    env.SUTIAO_SIGNING_KEY_PEM ??
    (await file('signing-key.pem', () => generateSigner(options.algorithm ?? 'SM2').exportPrivateKeyPem()));
  const signer = signerFromPem(signingPem);
  if (!env.SUTIAO_SIGNING_KEY_PEM) await file('signing-key.pub.pem', () => signer.publicKeyPem);

  const dataKeyHex =
    env.SUTIAO_SM4_KEY ?? (await file('sm4-data-keys.txt', () => `${randomBytes(16).toString('hex')}\n`));
  const dataKeys = keyringFromHexList(dataKeyHex);

  const indexHex =
    env.SUTIAO_BLIND_INDEX_KEY ??
    (await file('blind-index.key', () => `${randomBytes(32).toString('hex')}\n`));
  const blindIndexKey = Buffer.from(indexHex.trim(), 'hex');
  if (blindIndexKey.length < 16) throw new Error('Blind index key must be at least 32 hex characters');

  const retiredJson =
    env.SUTIAO_RETIRED_SIGNING_KEYS ??
    (await readFile(join(options.dir, 'retired-signing-keys.json'), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '[]';
        throw error;
      },
    ));
  return { signer, dataKeys, blindIndexKey, retiredSigningKeys: readRetiredSigningKeys(retiredJson) };
}

/** Retired keys as configured; anything malformed stops the start rather than silently trusting less or more. */
export function readRetiredSigningKeys(json: string): RetiredSigningKey[] {
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) throw new Error('retired signing keys must be a JSON array');
  return list.map((entry: Partial<RetiredSigningKey>, i) => {
    const { algorithm, publicKeyPem, validFrom = null, validUntil } = entry ?? {};
    const time = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
    if (
      (algorithm !== 'SM2' && algorithm !== 'Ed25519') ||
      typeof publicKeyPem !== 'string' ||
      !publicKeyPem.includes('PUBLIC KEY') ||
      !time(validUntil) ||
      (validFrom !== null && !time(validFrom))
    ) {
      throw new Error(
        `retired signing key ${i}: needs algorithm, publicKeyPem, validUntil (and optional validFrom)`,
      );
    }
    return { algorithm, publicKeyPem, validFrom, validUntil: validUntil as string };
  });
}
