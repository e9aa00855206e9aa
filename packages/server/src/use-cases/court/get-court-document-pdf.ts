import type { Deps, SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../common/require-permission.ts';
import { loadCourtCase } from './court-case-access.ts';

/** A document's PDF for the staff of its court; anyone else NOT_FOUND. */
export async function getCourtDocumentPdf(
  deps: Deps,
  ctx: SignedInContext,
  documentId: string,
): Promise<{ pdf: Buffer; caseNumber: string; verificationCode: string; kind: string; title: string }> {
  requirePermission(ctx, 'court.case.read');
  const doc = await deps.db
    .selectFrom('court_documents')
    .select(['case_id', 'case_number', 'verification_code', 'pdf_sha256', 'kind'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  const notFound = () => appError('NOT_FOUND', { entity: { zh: '文书', en: 'Document' } });
  if (!doc) throw notFound();
  await loadCourtCase(deps.db, ctx.actor, doc.case_id);
  const pdf = await deps.storage.getBytes(doc.pdf_sha256);
  if (!pdf) throw notFound();
  return {
    pdf,
    caseNumber: doc.case_number,
    verificationCode: doc.verification_code,
    kind: doc.kind,
    title: doc.kind === 'confirmation-ruling' ? '民事裁定书' : '民事调解书',
  };
}
