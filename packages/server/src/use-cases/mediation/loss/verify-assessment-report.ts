import { trustedKey } from '../../../adapters/signing/trusted-key.ts';
import { verifyEnvelope } from '../../../adapters/signing/verify-envelope.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { normalizeVerificationCode } from '../../../lib/verification-code.ts';
import { loadResultRows, type ReportContent, resultsDigest } from './report-content.ts';

export interface ReportVerification {
  valid: boolean;
  checks: { content: boolean; signature: boolean; results: boolean };
  caseNumber: string;
  courtName: string;
  organization: string;
  issuedAt: string;
  investors: number;
  totalAmount: string;
  digestSm3: string;
  algorithm: string;
  keyId: string;
}

/**
 * Public check of an issued report by its verification code: the stored content against its SM3 digest and code,
 * the platform's signature over the digest (one signed-envelope check), and recompute the digest of the stored results the content names. No personal
 * data is returned; unknown and malformed codes answer the same 404.
 */
export async function verifyAssessmentReport(deps: Deps, rawCode: string): Promise<ReportVerification> {
  const code = normalizeVerificationCode(rawCode);
  const report = code
    ? await deps.db
        .selectFrom('loss_reports')
        .selectAll()
        .where('verification_code', '=', code)
        .executeTakeFirst()
    : undefined;
  if (!report) throw appError('VERIFY_NOT_FOUND');
  const content = report.content as ReportContent;
  const envelope = verifyEnvelope(
    {
      kind: 'loss-report',
      canonicalText: canonicalJson(report.content),
      digestSm3: report.digest_sm3,
      signature: report.signature,
      keyId: report.key_id,
      algorithm: report.algorithm,
      verificationCode: report.verification_code,
    },
    [trustedKey(report.public_key_pem, report.algorithm)],
  );
  const results = await loadResultRows(deps.db, report.assessment_id);
  const checks = {
    content: envelope.contentIntact,
    signature: envelope.signatureValid,
    results:
      resultsDigest(results) === content.results?.digestSm3 && results.length === content.results.count,
  };
  const summary = (content.summary ?? {}) as { investors?: number; totals?: { total?: string } };
  return {
    valid: checks.content && checks.signature && checks.results,
    checks,
    caseNumber: content.caseNumber,
    courtName: content.court?.name ?? '',
    organization: content.organization,
    issuedAt: content.issuedAt,
    investors: summary.investors ?? 0,
    totalAmount: summary.totals?.total ?? '0.00',
    digestSm3: report.digest_sm3,
    algorithm: report.algorithm,
    keyId: report.key_id,
  };
}
