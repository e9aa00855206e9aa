import { renderLossReportPdf } from '../../../adapters/pdf/render-loss-report-pdf.ts';
import { sealEnvelope, storedEnvelopeColumns } from '../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { newVerificationCode } from '../../../lib/verification-code.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { applyLossTransition } from './loss-transition.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessment } from './loss-access.ts';
import type { AssessmentDetail } from './present-assessment.ts';
import { loadResultRows, type ReportContent, reportContent, resultsDigest } from './report-content.ts';
import { reportPdfInput } from './report-pdf-input.ts';
import { verifyUrl } from '../../../lib/verification-code.ts';

/**
 * Issues the result (出具核定意见): the platform key signs the content as a `loss-report` envelope (SM2 over the
 * SM3 digest of its canonical text, with the verification code inside), the PDF is rendered and stored by hash, and the assessment becomes issued — all in one transaction.
 */
export async function issueAssessmentReport(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<AssessmentDetail> {
  requirePermission(ctx, 'loss.assess');
  const issuedAt = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(trx, input.id, { forUpdate: true });
    const verificationCode = newVerificationCode();
    // Fired first: an assessment that is not calculated is refused before any signing or rendering.
    await applyLossTransition(
      trx,
      ctx,
      row,
      { event: 'issue', inputsComplete: true, audit: { verificationCode } },
      issuedAt,
    );
    const org = row.organization_id
      ? await trx
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', row.organization_id)
          .executeTakeFirst()
      : undefined;
    const files = await trx
      .selectFrom('loss_assessment_files')
      .select(['kind', 'name', 'sha256', 'sm3', 'rows'])
      .where('assessment_id', '=', row.id)
      .execute();
    const results = await loadResultRows(trx, row.id);
    const body = reportContent({
      reportId: newId(),
      assessment: row,
      organizationName: org?.name ?? '',
      files,
      resultCount: results.length,
      resultsDigestSm3: resultsDigest(results),
      issuedAt,
    });
    const { signer } = deps.keys;
    const envelope = sealEnvelope('loss-report', body, signer, { verificationCode });
    const content = JSON.parse(envelope.canonicalText) as ReportContent;
    const pdf = await renderLossReportPdf(
      reportPdfInput(
        content,
        results,
        envelope,
        signer.publicKeyPem,
        verifyUrl(deps.publicUrl, verificationCode),
      ),
    );
    const pdfSha256 = await deps.storage.put(pdf);
    await trx
      .insertInto('loss_reports')
      .values({
        id: content.reportId,
        assessment_id: row.id,
        verification_code: verificationCode,
        ...storedEnvelopeColumns(envelope, signer.publicKeyPem),
        pdf_sha256: pdfSha256,
        issued_by_user_id: ctx.actor.userId,
        issued_at: issuedAt,
      })
      .execute();
  });
  return getAssessment(deps, ctx, input);
}
