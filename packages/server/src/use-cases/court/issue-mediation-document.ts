import { publicKeyFingerprint } from '../../adapters/crypto/fingerprint.ts';
import { blindIndex } from '../../adapters/crypto/sm4.ts';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import { renderMediationDocumentPdf } from '../../adapters/pdf/render-mediation-document-pdf.ts';
import { sealEnvelope } from '../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { newVerificationCode } from '../../lib/verification-code.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { fenToYuanString } from '@sutiao/domain/money.ts';
import { actorCourt } from './court-case-access.ts';
import { loadParties, presentParty } from './court-parties.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, runCourtEvent } from './run-court-event.ts';

const ROLE_LABELS = {
  plaintiff: '原告',
  defendant: '被告',
  'third-party': '第三人',
  applicant: '申请人',
} as const;

export const courtDocumentVerifyUrl = (deps: Deps, code: string) =>
  `${deps.publicUrl}/verify/${encodeURIComponent(code)}`;

/**
 * The judge issues the 民事调解书 of a settled entrustment: its content (the filed case, parties masked with the blind
 * index of their ID numbers, claims, the agreed terms) is signed with the court platform's key as a
 * `mediation-document` envelope with a verification code, rendered as a PDF stored by hash, recorded, and sent to
 * the organization with the filing notice — in one transaction.
 */
export function issueMediationDocument(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { terms?: string | null },
): Promise<CourtCaseDetail> {
  return runCourtEvent(deps, ctx, 'court.adjudicate', input, async (trx, row) => {
    // Anything but a settled entrustment is refused by the lifecycle, before anything is signed.
    if (row.kind !== 'entrustment' || row.status !== 'settled') return { event: 'issue-document' };
    const agreement = row.closing_report?.agreement ?? null;
    const terms = input.terms?.trim() || agreement?.terms;
    if (!terms) throw appError('VALIDATION_FAILED', { reason: '调解协议内容 / the agreed terms' });
    const court = await actorCourt(trx, ctx.actor);
    const parties = await loadParties(deps, trx, row.id);
    const issuedAt = deps.now();
    const verificationCode = newVerificationCode();
    const caseNumber = row.filing_number ?? '';
    const content = {
      documentId: newId(),
      caseId: row.id,
      caseNumber,
      court,
      parties: parties.map((p) => ({
        role: p.role,
        kind: p.kind,
        name: presentParty(p).name,
        idNumberIndex: blindIndex(deps.keys.blindIndexKey, p.idNumber),
      })),
      claims: row.claims,
      terms,
      amountFen: agreement?.amountFen ?? null,
      organizationName: row.organization_name,
      agreementVerificationCode: agreement?.verificationCode ?? null,
      agreementSha256: agreement?.attachment.sha256 ?? null,
      issuedAt: issuedAt.toISOString(),
    };
    const { signer } = deps.keys;
    const envelope = sealEnvelope('mediation-document', content, signer, { verificationCode });
    const pdf = await renderMediationDocumentPdf({
      courtName: court.name,
      caseNumber,
      parties: parties.map((p) => ({ roleLabel: ROLE_LABELS[p.role], ...presentParty(p) })),
      claims: row.claims,
      facts: row.facts,
      organizationName: row.organization_name,
      terms,
      amountYuan: agreement ? fenToYuanString(agreement.amountFen) : null,
      issuedAt,
      digestSm3: envelope.digestSm3,
      algorithm: envelope.algorithm,
      signatureHex: envelope.signature,
      publicKeyFingerprint: publicKeyFingerprint(signer.publicKeyPem, envelope.algorithm),
      verificationCode,
      verifyUrl: courtDocumentVerifyUrl(deps, verificationCode),
    });
    const pdfSha256 = await deps.storage.put(pdf);
    const document: Attachment = {
      name: `民事调解书-${caseNumber}.pdf`,
      mime: 'application/pdf',
      size: pdf.length,
      sha256: pdfSha256,
      sm3: sm3Hex(pdf),
      role: 'court-document',
    };
    return {
      event: 'issue-document',
      document,
      payload: { documentId: content.documentId, verificationCode },
      afterUpdate: async () => {
        await trx
          .insertInto('court_documents')
          .values({
            id: content.documentId,
            case_id: row.id,
            kind: 'mediation-document',
            case_number: caseNumber,
            verification_code: verificationCode,
            content: envelope.canonicalText,
            digest_sm3: envelope.digestSm3,
            algorithm: envelope.algorithm,
            key_id: envelope.keyId,
            public_key_pem: signer.publicKeyPem,
            signature: envelope.signature,
            pdf_sha256: pdfSha256,
            pdf_sm3: document.sm3,
            pdf_size: pdf.length,
            issued_by_user_id: ctx.actor.userId,
            issued_at: issuedAt,
          })
          .execute();
      },
    };
  });
}
