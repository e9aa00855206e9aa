import { verifySignature } from '../../../adapters/crypto/signer.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { normalizeVerificationCode } from '../../../lib/verification-code.ts';
import { contentDigest, loadResultRows, type ReportContent, resultsDigest } from './report-content.ts';

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
 * Public check of an issued report by its verification code: recompute the SM3 digest of the stored content, verify
 * the platform's signature over it, and recompute the digest of the stored results the content names. No personal
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
  const digest = contentDigest(content);
  const results = await loadResultRows(deps.db, report.assessment_id);
  const checks = {
    content: digest === report.digest_sm3 && content.verificationCode === report.verification_code,
    signature: verifySignature(report.algorithm, report.public_key_pem, report.digest_sm3, report.signature),
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
