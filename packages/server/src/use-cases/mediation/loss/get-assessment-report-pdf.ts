import { getIntact } from '../../../adapters/storage/get-intact.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { loadAssessment, requireLossReader } from './loss-access.ts';

/** The issued report's PDF exactly as signed and stored. */
export async function getAssessmentReportPdf(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<{ filename: string; pdf: Buffer }> {
  requireLossReader(ctx);
  const row = await loadAssessment(deps.db, input.id);
  const report = await deps.db
    .selectFrom('loss_reports')
    .select(['pdf_sha256', 'verification_code'])
    .where('assessment_id', '=', row.id)
    .executeTakeFirst();
  if (!report) throw appError('NOT_FOUND', { entity: { zh: '核定意见书', en: 'Report' } });
  const pdf = await getIntact(deps.storage, report.pdf_sha256);
  if (!pdf) throw appError('SERVICE_UNAVAILABLE');
  return { filename: `loss-report-${report.verification_code}.pdf`, pdf };
}
