import { describe, expect, it } from 'vitest';
import { generateEd25519Signer } from '../../src/adapters/crypto/ed25519-signer.ts';
import { type Signer, verifySignature } from '../../src/adapters/crypto/signer.ts';
import { generateSm2Signer } from '../../src/adapters/crypto/sm2-signer.ts';
import { sm3Hex } from '../../src/adapters/crypto/sm3.ts';
import { sealEnvelope } from '../../src/adapters/signing/signed-envelope.ts';
import { trustedKeyOf } from '../../src/adapters/signing/trusted-key.ts';
import { verifyEnvelope } from '../../src/adapters/signing/verify-envelope.ts';
import { canonicalJson } from '../../src/lib/canonical-json.ts';
import {
  type AgreementRow,
  agreementContent,
  agreementDigest,
  sealContent,
  verifyAgreementSeal,
  verifyPartySignature,
} from '../../src/use-cases/mediation/agreements/agreement-content.ts';

// Records already stored were made by the code before the envelope module (commit e610e46): the formulas below are
// copied from it, so a change to the envelope's version-1 bytes fails here.
const legacyAgreementDigest = (a: AgreementRow) =>
  sm3Hex(canonicalJson({ format: 'sutiao.agreement.v1', ...agreementContent(a) }));
const legacySealPayload = (
  digestSm3: string,
  verificationCode: string,
  sealedAt: Date,
  signatures: object[],
) =>
  canonicalJson({
    format: 'sutiao.agreement-seal.v1',
    digestSm3,
    verificationCode,
    sealedAt: sealedAt.toISOString(),
    signatures,
  });

const CODE = '7KQ4-MXTA-93HC';
const row = {
  id: '0190f3a0-0000-7000-8000-000000000001',
  case_id: '0190f3a0-0000-7000-8000-000000000002',
  version: 1,
  case_number: '（2026）沪证调字第 0001 号',
  organization_name: '上海证券期货纠纷调解中心',
  investor_name: '张三',
  respondent_name: '某某证券股份有限公司',
  mediator_name: '李四',
  amount_fen: '1234567',
  payment_terms: '银行转账至申请人指定账户',
  due_date: '2026-03-31',
  text: '经调解，双方自愿达成如下协议：\n被申请人向申请人支付人民币壹万贰仟叁佰肆拾伍元陆角柒分。',
} as unknown as AgreementRow;

describe.each([
  ['SM2', generateSm2Signer],
  ['Ed25519', generateEd25519Signer],
] as const)('signed envelope version 1 keeps the stored bytes (%s)', (_name, generate) => {
  const party: Signer = generate();
  const platform: Signer = generate();

  it('pins the agreement digest to the bytes agreements were signed over', () => {
    expect(agreementDigest(row)).toBe(legacyAgreementDigest(row));
    // SM3 of this row's content as the pre-envelope code built it (format tag first, keys sorted), computed once.
    expect(agreementDigest(row)).toBe('1b8fa2b12af4bf9ae6cdaaaab3d4186edaa4d33f4c8185b55044d9b2ecd65842');
  });

  it('verifies a party signature and a seal made the old way, and the new way makes the same bytes', () => {
    const digest = legacyAgreementDigest(row);
    const oldSignature = party.sign(digest); // how sign-agreement signed before
    const signature = {
      party: 'investor' as const,
      key_id: party.keyId,
      signature: oldSignature,
      algorithm: party.algorithm,
      public_key_pem: party.publicKeyPem,
    };
    const stored = { ...row, digest_sm3: digest } as AgreementRow;
    expect(verifyPartySignature(stored, signature as never, [trustedKeyOf(party)])).toMatchObject({
      valid: true,
    });
    const fresh = sealEnvelope('agreement', agreementContent(row), party);
    expect(fresh.digestSm3).toBe(digest);
    expect(verifySignature(party.algorithm, party.publicKeyPem, digest, fresh.signature)).toBe(true);

    const sealedAt = new Date('2026-02-11T08:00:00Z');
    const signatures = [{ party: 'investor', keyId: party.keyId, signature: oldSignature }];
    const oldSeal = platform.sign(legacySealPayload(digest, CODE, sealedAt, signatures)); // how seal-agreement sealed
    const sealed = {
      ...stored,
      verification_code: CODE,
      seal_algorithm: platform.algorithm,
      seal_key_id: platform.keyId,
      seal_public_key_pem: platform.publicKeyPem,
      seal_signature: oldSeal,
    } as AgreementRow;
    const fields = { digestSm3: digest, sealedAt, signatures: [signature] };
    expect(verifyAgreementSeal(sealed, fields, [trustedKeyOf(platform)])).toMatchObject({ valid: true });
    const newSeal = sealEnvelope('agreement-seal', sealContent(fields), platform, { verificationCode: CODE });
    expect(newSeal.canonicalText).toBe(legacySealPayload(digest, CODE, sealedAt, signatures));
    expect(
      verifyAgreementSeal({ ...sealed, seal_signature: newSeal.signature }, fields, [trustedKeyOf(platform)])
        .valid,
    ).toBe(true);
    expect(
      verifyAgreementSeal({ ...sealed, verification_code: '3333-4444-6666' }, fields, [
        trustedKeyOf(platform),
      ]).valid,
    ).toBe(false);
  });

  it('verifies a loss report signed the old way: SM3 of the canonical stored content, signature over the digest', () => {
    const body = {
      reportId: 'r1',
      caseNumber: '（2026）沪74民初1号',
      params: { ruleVersion: '2022' },
      inputs: [],
    };
    const stored = { format: 'sutiao.loss-report.v1', ...body, verificationCode: CODE };
    const digest = sm3Hex(canonicalJson(stored));
    const oldSignature = platform.sign(digest);
    // loss_reports.content held JSON.stringify(content); the verifier reads it back as an object.
    const canonicalText = canonicalJson(JSON.parse(JSON.stringify(stored)));
    const envelope = {
      kind: 'loss-report' as const,
      canonicalText,
      digestSm3: digest,
      signature: oldSignature,
      keyId: platform.keyId,
      algorithm: platform.algorithm,
      verificationCode: CODE,
    };
    expect(verifyEnvelope(envelope, [trustedKeyOf(platform)]).valid).toBe(true);
    const fresh = sealEnvelope('loss-report', body, platform, { verificationCode: CODE });
    expect(fresh.canonicalText).toBe(canonicalText);
    expect(fresh.digestSm3).toBe(digest);
  });
});
