import { describe, expect, it } from 'vitest';
import { sm2PublicKeyFromPem, sm2PublicKeyToPem } from '../../src/adapters/crypto/sm2-pem.ts';
import { generateSm2Signer, sm2Verify } from '../../src/adapters/crypto/sm2-signer.ts';

// sm2Verify keeps the last keys it used precomputed: the verdict must not depend on what it verified before.
describe('SM2 verification with precomputed keys', () => {
  it('gives each key its own verdict, before and after the key has been used and evicted', () => {
    const signers = Array.from({ length: 300 }, () => generateSm2Signer());
    const signed = signers.map((s, i) => ({
      pem: s.publicKeyPem,
      text: `报文 ${i}`,
      sig: s.sign(`报文 ${i}`),
    }));
    for (const pass of [1, 2]) {
      for (const [i, { pem, text, sig }] of signed.entries()) {
        expect(sm2Verify(pem, text, sig), `key ${i}, pass ${pass}`).toBe(true);
        expect(sm2Verify(pem, `${text}!`, sig)).toBe(false);
        const other = signed[(i + 1) % signed.length];
        expect(sm2Verify(other?.pem ?? '', text, sig)).toBe(false);
      }
    }
  });

  it('refuses a key that is not a point of the curve, every time', () => {
    const signer = generateSm2Signer();
    const sig = signer.sign('x');
    const hex = sm2PublicKeyFromPem(signer.publicKeyPem);
    // The same x with y + 1 (mod 16 in the last digit): not on the curve.
    const last = (Number.parseInt(hex.slice(-1), 16) + 1) % 16;
    const broken = sm2PublicKeyToPem(`${hex.slice(0, -1)}${last.toString(16)}`);
    expect(broken).not.toBe(signer.publicKeyPem);
    expect(sm2Verify(broken, 'x', sig)).toBe(false);
    expect(sm2Verify(broken, 'x', sig)).toBe(false);
    expect(sm2Verify(signer.publicKeyPem, 'x', sig)).toBe(true);
  });
});
