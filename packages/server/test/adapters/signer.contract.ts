import { describe, expect, it } from 'vitest';
import type { SignatureAlgorithm, Signer } from '../../src/adapters/crypto/signer.ts';
import { signerFromPem, verifySignature } from '../../src/adapters/crypto/signer.ts';

export interface SignerFactory {
  algorithm: SignatureAlgorithm;
  generate: () => Signer;
  fromPem: (privateKeyPem: string) => Signer;
}

/** The cases every Signer implementation must pass. */
export function describeSignerContract(factory: SignerFactory): void {
  const { algorithm } = factory;
  const verify = (publicKeyPem: string, data: Uint8Array | string, signature: string) =>
    verifySignature(algorithm, publicKeyPem, data, signature);

  describe(`Signer contract: ${algorithm}`, () => {
    const signer = factory.generate();
    const message = '调解协议书 case 2026-0001: ¥12,345.67';

    it('reports its algorithm, an SPKI public key and a hex key id', () => {
      expect(signer.algorithm).toBe(algorithm);
      expect(signer.publicKeyPem).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/,
      );
      expect(signer.keyId).toMatch(/^[0-9a-f]{64}$/);
    });

    it('round-trips sign and verify for text and bytes', () => {
      const signature = signer.sign(message);
      expect(signature).toMatch(/^[0-9a-f]+$/);
      expect(verify(signer.publicKeyPem, message, signature)).toBe(true);
      expect(verify(signer.publicKeyPem, new TextEncoder().encode(message), signature)).toBe(true);
      const bytes = Uint8Array.of(0, 1, 2, 255);
      expect(verify(signer.publicKeyPem, bytes, signer.sign(bytes))).toBe(true);
    });

    it('fails for tampered data', () => {
      const signature = signer.sign(message);
      expect(verify(signer.publicKeyPem, `${message} `, signature)).toBe(false);
      expect(verify(signer.publicKeyPem, message.replace('12,345', '12,346'), signature)).toBe(false);
    });

    it('fails for a tampered or malformed signature', () => {
      const signature = signer.sign(message);
      const flipped = signature.slice(0, -2) + (signature.endsWith('00') ? '01' : '00');
      expect(verify(signer.publicKeyPem, message, flipped)).toBe(false);
      expect(verify(signer.publicKeyPem, message, '')).toBe(false);
      expect(verify(signer.publicKeyPem, message, 'not hex')).toBe(false);
    });

    it('fails with another key', () => {
      const other = factory.generate();
      expect(other.publicKeyPem).not.toBe(signer.publicKeyPem);
      expect(verify(other.publicKeyPem, message, signer.sign(message))).toBe(false);
    });

    it('fails with a key of the other algorithm or a non-key', () => {
      const otherAlgorithm: SignatureAlgorithm = algorithm === 'SM2' ? 'Ed25519' : 'SM2';
      expect(verifySignature(otherAlgorithm, signer.publicKeyPem, message, signer.sign(message))).toBe(false);
      expect(verify('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', message, '00')).toBe(
        false,
      );
    });

    it('round-trips the private key through PEM', () => {
      const pem = signer.exportPrivateKeyPem();
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      for (const restored of [factory.fromPem(pem), signerFromPem(pem)]) {
        expect(restored.algorithm).toBe(algorithm);
        expect(restored.publicKeyPem).toBe(signer.publicKeyPem);
        expect(restored.keyId).toBe(signer.keyId);
        expect(restored.exportPrivateKeyPem()).toBe(pem);
        expect(verify(signer.publicKeyPem, message, restored.sign(message))).toBe(true);
      }
    });
  });
}
