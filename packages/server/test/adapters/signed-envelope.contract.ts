import { describe, expect, it } from 'vitest';
import type { SignatureAlgorithm, Signer } from '../../src/adapters/crypto/signer.ts';
import { sm3Hex } from '../../src/adapters/crypto/sm3.ts';
import {
  type EnvelopeKind,
  sealEnvelope,
  type SignedEnvelope,
} from '../../src/adapters/signing/signed-envelope.ts';
import { trustedKeyOf } from '../../src/adapters/signing/trusted-key.ts';
import { type EnvelopeInvalidReason, verifyEnvelope } from '../../src/adapters/signing/verify-envelope.ts';
import { canonicalJson } from '../../src/lib/canonical-json.ts';
import { normalizeVerificationCode } from '../../src/lib/verification-code.ts';

export interface EnvelopeSignerFactory {
  algorithm: SignatureAlgorithm;
  generate: () => Signer;
}

const CODE = '7KQ4-MXTA-93HC';
const CONTENT_REASONS: EnvelopeInvalidReason[] = [
  'malformed',
  'unknown-format-version',
  'kind-mismatch',
  'not-canonical',
  'digest-mismatch',
  'verification-code-mismatch',
];

/** Every position of `text` with its character replaced by a different one of the same class (hex stays hex). */
function* eachChangedCharacter(text: string): Generator<string> {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const other = /[0-9a-f]/.test(ch) ? (ch === '0' ? '1' : '0') : ch === 'x' ? 'y' : 'x';
    yield text.slice(0, i) + other + text.slice(i + 1);
  }
}

/** The cases the signed-envelope module must pass with every signature algorithm. */
export function describeSignedEnvelopeContract(factory: EnvelopeSignerFactory): void {
  describe(`signed envelope contract: ${factory.algorithm}`, () => {
    const signer = factory.generate();
    const trusted = [trustedKeyOf(signer)];
    const content = {
      caseNumber: '（2026）调字第 0001 号',
      amountFen: 1234567,
      text: '调解协议书 ¥12,345.67',
    };
    const seal = (kind: EnvelopeKind, verificationCode?: string) =>
      sealEnvelope(kind, content, signer, verificationCode ? { verificationCode } : {});
    const sealed: SignedEnvelope[] = [
      seal('agreement'),
      seal('agreement-seal', CODE),
      seal('loss-report', CODE),
    ];

    it('round-trips every kind: canonical text with its format tag, SM3 digest, signature, key id, algorithm', () => {
      for (const envelope of sealed) {
        expect(envelope.formatVersion).toBe(1);
        expect(envelope.canonicalText).toBe(
          canonicalJson({
            ...content,
            format: `sutiao.${envelope.kind}.v1`,
            ...(envelope.verificationCode ? { verificationCode: CODE } : {}),
          }),
        );
        expect(envelope.digestSm3).toBe(sm3Hex(envelope.canonicalText));
        expect(envelope.keyId).toBe(signer.keyId);
        expect(envelope.algorithm).toBe(factory.algorithm);
        expect(envelope.signature).toMatch(/^[0-9a-f]+$/);
        expect(verifyEnvelope(envelope, trusted)).toEqual({
          valid: true,
          reason: null,
          contentIntact: true,
          signatureValid: true,
          formatVersion: 1,
        });
      }
    });

    it('any changed byte of the content is invalid, with a content reason', () => {
      for (const envelope of sealed) {
        for (const canonicalText of eachChangedCharacter(envelope.canonicalText)) {
          const result = verifyEnvelope({ ...envelope, canonicalText }, trusted);
          expect(result.valid).toBe(false);
          expect(CONTENT_REASONS).toContain(result.reason);
          expect(result.contentIntact).toBe(false);
        }
      }
    });

    it.each([
      ['digestSm3', 'digest-mismatch'],
      ['signature', 'bad-signature'],
      ['keyId', 'untrusted-key'],
    ] as const)('any changed byte of the %s is invalid: %s', (field, reason) => {
      for (const envelope of sealed) {
        for (const changed of eachChangedCharacter(envelope[field])) {
          const result = verifyEnvelope({ ...envelope, [field]: changed }, trusted);
          expect(result).toMatchObject({ valid: false, reason });
          expect(result.contentIntact).toBe(field !== 'digestSm3');
        }
      }
    });

    it('refuses a signer that is not trusted, a key posing under its id, and a changed algorithm', () => {
      const other = factory.generate();
      const envelope = sealed[1]!;
      expect(verifyEnvelope(envelope, [trustedKeyOf(other)]).reason).toBe('untrusted-key');
      expect(verifyEnvelope(envelope, []).reason).toBe('untrusted-key');
      const impostor = { ...trustedKeyOf(other), keyId: signer.keyId };
      expect(verifyEnvelope(envelope, [impostor]).reason).toBe('bad-signature');
      const otherAlgorithm: SignatureAlgorithm = factory.algorithm === 'SM2' ? 'Ed25519' : 'SM2';
      expect(verifyEnvelope({ ...envelope, algorithm: otherAlgorithm }, trusted).reason).toBe(
        'algorithm-mismatch',
      );
    });

    it('refuses an unknown format version even when properly signed, and a relabelled kind', () => {
      for (const format of ['sutiao.agreement.v2', 'sutiao.agreement.v99']) {
        const canonicalText = canonicalJson({ ...content, format });
        const digestSm3 = sm3Hex(canonicalText);
        const envelope = { ...sealed[0]!, canonicalText, digestSm3, signature: signer.sign(digestSm3) };
        expect(verifyEnvelope(envelope, trusted)).toEqual({
          valid: false,
          reason: 'unknown-format-version',
          contentIntact: false,
          signatureValid: false,
        });
      }
      for (const format of ['sutiao.agreement.v0', 'sutiao.agreement.v01', 'agreement.v1', 1]) {
        const canonicalText = canonicalJson({ ...content, format });
        const result = verifyEnvelope(
          { ...sealed[0]!, canonicalText, digestSm3: sm3Hex(canonicalText) },
          trusted,
        );
        expect(result.reason).toBe('malformed');
      }
      for (const canonicalText of ['', 'null', '[]', '"text"', '{"format":"sutiao.agreement.v1"']) {
        expect(verifyEnvelope({ ...sealed[0]!, canonicalText }, trusted).reason).toBe('malformed');
      }
      expect(verifyEnvelope({ ...sealed[2]!, kind: 'agreement-seal' }, trusted).reason).toBe('kind-mismatch');
    });

    it('refuses text that is not canonical even when its digest and signature match it', () => {
      const canonicalText = JSON.stringify({ format: 'sutiao.agreement.v1', ...content }, null, 1);
      const digestSm3 = sm3Hex(canonicalText);
      const envelope = { ...sealed[0]!, canonicalText, digestSm3, signature: signer.sign(digestSm3) };
      expect(verifyEnvelope(envelope, trusted).reason).toBe('not-canonical');
    });

    it('signs the verification code, and keeps codes stable: same content and code, same text and digest', () => {
      const envelope = sealed[2]!;
      expect(envelope.verificationCode).toBe(CODE);
      expect(JSON.parse(envelope.canonicalText).verificationCode).toBe(CODE);
      expect(normalizeVerificationCode(CODE.toLowerCase().replaceAll('-', ' '))).toBe(
        envelope.verificationCode,
      );
      expect(verifyEnvelope({ ...envelope, verificationCode: '3333-3333-3333' }, trusted).reason).toBe(
        'verification-code-mismatch',
      );
      expect(verifyEnvelope({ ...envelope, verificationCode: null }, trusted).reason).toBe(
        'verification-code-mismatch',
      );
      expect(verifyEnvelope({ ...sealed[0]!, verificationCode: CODE }, trusted).reason).toBe(
        'verification-code-mismatch',
      );
      const again = seal('loss-report', CODE);
      expect(again.canonicalText).toBe(envelope.canonicalText);
      expect(again.digestSm3).toBe(envelope.digestSm3);
      expect(verifyEnvelope(again, trusted).valid).toBe(true);
    });

    it('refuses to seal a code where the kind has none, no code where it needs one, or reserved fields', () => {
      expect(() => seal('agreement', CODE)).toThrow(/verification code/);
      expect(() => seal('loss-report')).toThrow(/verification code/);
      expect(() => sealEnvelope('agreement', { ...content, format: 'x' }, signer)).toThrow(/format/);
      expect(() =>
        sealEnvelope('loss-report', { verificationCode: CODE }, signer, { verificationCode: CODE }),
      ).toThrow(/verificationCode/);
    });
  });
}
