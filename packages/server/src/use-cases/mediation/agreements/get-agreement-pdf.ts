import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { loadAgreementPdf } from './agreement-pdf.ts';
import { loadCurrentAgreement, loadSignatures } from './load-agreement.ts';

interface AgreementPdf {
  pdf: Buffer;
  caseNumber: string;
  verificationCode: string;
}

const agreementNotFound = () => appError('NOT_FOUND', { entity: { zh: '调解协议', en: 'Agreement' } });

/** The sealed agreement's PDF, for those who may see the case; anyone else, or before sealing, NOT_FOUND. */
export async function getAgreementPdf(
  deps: Deps,
  ctx: SignedInContext,
  caseId: string,
): Promise<AgreementPdf> {
  await loadReadableCase(deps.db, ctx.actor, caseId);
  const agreement = await loadCurrentAgreement(deps.db, caseId);
  if (agreement?.status !== 'effective' || !agreement.verification_code) throw agreementNotFound();
  const pdf = await loadAgreementPdf(deps, agreement, await loadSignatures(deps.db, agreement.id));
  return { pdf, caseNumber: agreement.case_number, verificationCode: agreement.verification_code };
}
