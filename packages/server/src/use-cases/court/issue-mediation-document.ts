import { blindIndex } from '../../adapters/crypto/sm4.ts';
import { renderMediationDocumentPdf } from '../../adapters/pdf/render-mediation-document-pdf.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { fenToYuanString } from '@sutiao/domain/money.ts';
import { actorCourt } from './court-case-access.ts';
import { signCourtDocument } from './court-document.ts';
import { loadParties, presentParty } from './court-parties.ts';
import type { CourtCaseDetail } from './present-court-case.ts';
import { type CourtEventInput, runCourtEvent } from './run-court-event.ts';

const ROLE_LABELS = {
  plaintiff: '原告',
  defendant: '被告',
  'third-party': '第三人',
  applicant: '申请人',
} as const;

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
    const caseNumber = row.filing_number ?? '';
    const documentId = newId();
    const content = {
      documentId,
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
    const signed = await signCourtDocument(deps, {
      kind: 'mediation-document',
      title: '民事调解书',
      documentId,
      caseNumber,
      content,
      render: (signature) =>
        renderMediationDocumentPdf({
          ...signature,
          courtName: court.name,
          caseNumber,
          parties: parties.map((p) => ({ roleLabel: ROLE_LABELS[p.role], ...presentParty(p) })),
          claims: row.claims,
          facts: row.facts,
          organizationName: row.organization_name,
          terms,
          amountYuan: agreement ? fenToYuanString(agreement.amountFen) : null,
          issuedAt,
        }),
    });
    return {
      event: 'issue-document',
      document: signed.attachment,
      payload: { documentId, verificationCode: signed.verificationCode },
      afterUpdate: () => signed.record(trx, { caseId: row.id, issuedByUserId: ctx.actor.userId, issuedAt }),
    };
  });
}
