import { describe, expect, it } from 'vitest';
import { generateEd25519Signer } from '../../src/adapters/crypto/ed25519-signer.ts';
import { generateSm2Signer, sm2Verify } from '../../src/adapters/crypto/sm2-signer.ts';
import { isCanonicalSignature } from '../../src/adapters/crypto/canonical-signature.ts';

describe('canonical signatures', () => {
  it('accepts every signature the signers write (SM2 r and s of any length, with or without a sign byte)', () => {
    const sm2 = generateSm2Signer();
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const signature = sm2.sign(`message ${i}`);
      lengths.add(signature.length);
      expect(isCanonicalSignature('SM2', signature)).toBe(true);
    }
    expect(lengths.size).toBeGreaterThan(1);
    expect(isCanonicalSignature('Ed25519', generateEd25519Signer().sign('message'))).toBe(true);
  });

  it('refuses other spellings of an SM2 signature: loose headers, long-form lengths, padding, upper case', () => {
    const r = `01${'ab'.repeat(31)}`;
    const s = `7f${'cd'.repeat(31)}`;
    const good = `3044 0220${r} 0220${s}`.replaceAll(' ', '');
    expect(isCanonicalSignature('SM2', good)).toBe(true);
    for (const bad of [
      `3144 0220${r} 0220${s}`, // not a SEQUENCE
      `3045 0220${r} 0220${s}`, // wrong outer length
      `308144 0220${r} 0220${s}`, // long-form length where the short form fits
      `3044 0220${r} 0320${s}`, // second element not an INTEGER
      `3045 022100${r} 0220${s}`, // needless leading zero
      `3044 0220${r} 0220${s} 00`, // trailing byte
      `3022 0220${r}`, // one INTEGER
      `3044 0220${r.replace('01', '81')} 0220${s}`, // negative r
      good.toUpperCase(),
      '',
      'zz',
    ]) {
      expect(isCanonicalSignature('SM2', bad.replaceAll(' ', ''))).toBe(false);
    }
  });

  it('makes sm2Verify itself refuse a real signature whose DER headers were changed (the library alone accepts some)', () => {
    const signer = generateSm2Signer();
    const message = '调解协议 ¥12,345.00';
    const signature = signer.sign(message);
    expect(sm2Verify(signer.publicKeyPem, message, signature)).toBe(true);
    // The same bytes in upper case are a second spelling: refused like a changed header.
    expect(sm2Verify(signer.publicKeyPem, message, signature.toUpperCase())).toBe(false);
    // Every single header byte (outer SEQUENCE tag and length, first INTEGER tag) changed to each other value.
    for (let i = 0; i < 3; i++) {
      for (let v = 0; v < 256; v += 17) {
        const bytes = Buffer.from(signature, 'hex');
        if (bytes[i] === v) continue;
        bytes[i] = v;
        expect(sm2Verify(signer.publicKeyPem, message, bytes.toString('hex'))).toBe(false);
      }
    }
  });
});
