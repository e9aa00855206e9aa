import { publicKeyFingerprint } from '../../../adapters/crypto/fingerprint.ts';
import type { AgreementPartyRole } from '../../../adapters/pdf/agreement-pdf-input.ts';
import { renderAgreementPdf } from '../../../adapters/pdf/render-agreement-pdf.ts';
import type { Deps } from '../../../deps.ts';
import { getIntact } from '../../../adapters/storage/get-intact.ts';
import type { AgreementRow, SignatureRow } from './agreement-content.ts';
import { verifyUrl } from '../../../lib/verification-code.ts';

const PARTY_ROLE: Record<SignatureRow['party'], AgreementPartyRole> = {
  investor: '申请人',
  respondent: '被申请人',
  mediator: '调解员',
};

/** Renders a sealed agreement from its stored rows; the same rows always give the same bytes. */
export async function renderSealedAgreement(
  deps: Deps,
  agreement: AgreementRow,
  signatures: readonly SignatureRow[],
): Promise<Buffer> {
  const { verification_code: code, sealed_at: sealedAt, seal_signature: seal } = agreement;
  if (!code || !sealedAt || !seal) throw new Error('agreement is not sealed');
  return renderAgreementPdf({
    caseNumber: agreement.case_number,
    organizationName: agreement.organization_name,
    parties: [
      { role: '申请人', name: agreement.investor_name },
      { role: '被申请人', name: agreement.respondent_name },
      { role: '调解员', name: agreement.mediator_name },
    ],
    terms: {
      amountFen: Number(agreement.amount_fen),
      paymentTerms: agreement.payment_terms,
      dueDate: agreement.due_date,
    },
    text: agreement.text,
    digestSm3: agreement.digest_sm3,
    signatures: signatures.map((s) => ({
      role: PARTY_ROLE[s.party],
      name: s.signer_name,
      signedAt: new Date(s.signed_at),
      algorithm: s.algorithm,
      signatureHex: s.signature,
      publicKeyFingerprint: publicKeyFingerprint(s.public_key_pem, s.algorithm),
    })),
    sealedAt: new Date(sealedAt),
    organizationSeal: { name: agreement.organization_name, signatureHex: seal },
    verificationCode: code,
    verifyUrl: verifyUrl(deps.publicUrl, code),
  });
}

/** The stored PDF, or a fresh rendering when the file is missing or damaged (rendering is deterministic). */
export async function loadAgreementPdf(
  deps: Deps,
  agreement: AgreementRow,
  signatures: readonly SignatureRow[],
): Promise<Buffer> {
  if (agreement.pdf_sha256) {
    const stored = await getIntact(deps.storage, agreement.pdf_sha256);
    if (stored) return stored;
  }
  const pdf = await renderSealedAgreement(deps, agreement, signatures);
  await deps.storage.put(pdf); // puts back the lost or damaged copy
  return pdf;
}
