import { maskName } from '@sutiao/domain/masking.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import { keysValidAt, platformKeyRegistry } from '../../../adapters/signing/key-registry.ts';
import { verifyEnvelope } from '../../../adapters/signing/verify-envelope.ts';
import type { Deps } from '../../../deps.ts';
import { normalizeVerificationCode } from '../../../lib/verification-code.ts';
import type { CertificateContent } from './issue-certificates.ts';

export interface CertificateVerification {
  valid: boolean;
  checks: { content: boolean; signature: boolean; pdf: boolean | null };
  /** The trainee's name masked (张*三): the page is public. */
  traineeName: string;
  courseTitle: string;
  organizers: string[];
  hours: string;
  creditedOn: string;
  issuedAt: string;
  digestSm3: string;
  algorithm: string;
  keyId: string;
}

/**
 * Public check of a training certificate by its code: the signed text against its digest and code, the platform's
 * signature (its pinned keys), and the PDF once one was drawn (null before the first download). Null when no certificate has the code.
 */
export async function verifyCertificate(
  deps: Deps,
  rawCode: string,
): Promise<CertificateVerification | null> {
  const code = normalizeVerificationCode(rawCode);
  if (!code) return null;
  const cert = await deps.db
    .selectFrom('training_certificates')
    .selectAll()
    .where('verification_code', '=', code)
    .executeTakeFirst();
  if (!cert) return null;
  const algorithm = cert.algorithm === 'Ed25519' ? 'Ed25519' : 'SM2';
  const envelope = verifyEnvelope(
    {
      kind: 'training-certificate',
      canonicalText: cert.content,
      digestSm3: cert.digest_sm3,
      signature: cert.signature,
      keyId: cert.key_id,
      algorithm,
      verificationCode: cert.verification_code,
    },
    // Against the platform's pinned keys of the issuing time, never the key stored beside the certificate.
    keysValidAt(platformKeyRegistry(deps.keys), new Date(cert.issued_at)),
  );
  const pdf = cert.pdf_sha256 ? await deps.storage.getBytes(cert.pdf_sha256).catch(() => null) : undefined;
  const checks = {
    content: envelope.contentIntact,
    signature: envelope.signatureValid,
    pdf: pdf === undefined ? null : pdf !== null && sm3Hex(pdf) === cert.pdf_sm3,
  };
  const content = JSON.parse(cert.content) as CertificateContent;
  return {
    valid: checks.content && checks.signature && checks.pdf !== false,
    checks,
    traineeName: maskName(content.trainee.name),
    courseTitle: content.course.title,
    organizers: [content.course.organizer, ...content.course.coOrganizers],
    hours: content.hours,
    creditedOn: content.creditedOn,
    issuedAt: new Date(cert.issued_at).toISOString(),
    digestSm3: cert.digest_sm3,
    algorithm: cert.algorithm,
    keyId: cert.key_id,
  };
}
