import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import { trustedKey } from '../../adapters/signing/trusted-key.ts';
import { verifyEnvelope } from '../../adapters/signing/verify-envelope.ts';
import type { Deps } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { normalizeVerificationCode } from '../../lib/verification-code.ts';

export interface CourtDocumentVerification {
  valid: boolean;
  /** 民事调解书 (mediation-document) or 民事裁定书 of a judicial confirmation (confirmation-ruling). */
  kind: string;
  checks: { content: boolean; signature: boolean; pdf: boolean };
  caseNumber: string;
  courtName: string;
  issuedAt: string;
  digestSm3: string;
  algorithm: string;
  keyId: string;
}

/**
 * Public check of a 调解书 by its verification code: the stored signed text against its SM3 digest and code, the
 * court platform's signature, and the stored PDF against its SM3. No personal data is answered; unknown and
 * malformed codes answer the same 404.
 */
export async function verifyCourtDocument(deps: Deps, rawCode: string): Promise<CourtDocumentVerification> {
  const code = normalizeVerificationCode(rawCode);
  const doc = code
    ? await deps.db
        .selectFrom('court_documents')
        .selectAll()
        .where('verification_code', '=', code)
        .executeTakeFirst()
    : undefined;
  if (!doc) throw appError('VERIFY_NOT_FOUND');
  const algorithm = doc.algorithm === 'Ed25519' ? 'Ed25519' : 'SM2';
  const envelope = verifyEnvelope(
    {
      kind: doc.kind,
      canonicalText: doc.content,
      digestSm3: doc.digest_sm3,
      signature: doc.signature,
      keyId: doc.key_id,
      algorithm,
      verificationCode: doc.verification_code,
    },
    [trustedKey(doc.public_key_pem, algorithm)],
  );
  const pdf = await deps.storage.getBytes(doc.pdf_sha256).catch(() => null);
  const content = JSON.parse(doc.content) as { court?: { name?: string } };
  const checks = {
    content: envelope.contentIntact,
    signature: envelope.signatureValid,
    pdf: pdf !== null && sm3Hex(pdf) === doc.pdf_sm3,
  };
  return {
    valid: checks.content && checks.signature && checks.pdf,
    kind: doc.kind,
    checks,
    caseNumber: doc.case_number,
    courtName: content.court?.name ?? '',
    issuedAt: new Date(doc.issued_at).toISOString(),
    digestSm3: doc.digest_sm3,
    algorithm: doc.algorithm,
    keyId: doc.key_id,
  };
}
