import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { publicKeyFingerprint } from './fingerprint.ts';
import type { Signer } from './signer.ts';

const toBytes = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

function createEd25519Signer(privateKey: KeyObject): Signer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('Ed25519: not an Ed25519 private key');
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    algorithm: 'Ed25519',
    publicKeyPem,
    keyId: publicKeyFingerprint(publicKeyPem, 'Ed25519'),
    sign: (data) => sign(null, toBytes(data), privateKey).toString('hex'),
    exportPrivateKeyPem: () => privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function generateEd25519Signer(): Signer {
  return createEd25519Signer(generateKeyPairSync('ed25519').privateKey);
}

export function ed25519SignerFromPem(privateKeyPem: string): Signer {
  return createEd25519Signer(createPrivateKey(privateKeyPem));
}

export function ed25519Verify(
  publicKeyPem: string,
  data: Uint8Array | string,
  signatureHex: string,
): boolean {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== 'ed25519' || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
    return verify(null, toBytes(data), publicKey, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
