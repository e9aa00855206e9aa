import type { Kysely } from 'kysely';
import { publicKeyFingerprint } from '../../../adapters/crypto/fingerprint.ts';
import { blindIndex } from '../../../adapters/crypto/sm4.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { renderConfirmationRulingPdf } from '../../../adapters/pdf/render-confirmation-ruling-pdf.ts';
import { sealEnvelope } from '../../../adapters/signing/signed-envelope.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { newVerificationCode } from '../../../lib/verification-code.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { rulingText } from '@sutiao/domain/confirmation/ruling-text.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';
import { actorCourt, type CourtCaseRow } from '../court-case-access.ts';
import { loadParties } from '../court-parties.ts';
import { courtDocumentVerifyUrl } from '../issue-mediation-document.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import { type CourtEventInput, noteOf } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

type Decision = 'confirmed' | 'rejected';

/** The day the case was accepted, from its timeline (the 民特 number came with it). */
async function acceptedOn(trx: Kysely<DB>, caseId: string): Promise<string | null> {
  const entry = await trx
    .selectFrom('court_case_events')
    .select('at')
    .where('case_id', '=', caseId)
    .where('event', '=', 'accept')
    .executeTakeFirst();
  return entry ? todayInShanghai(new Date(entry.at)) : null;
}

/**
 * The ruling of a judicial confirmation case: the 民事裁定书 (确认 the agreement valid, or 驳回 the application with
 * a coded ground) written from the application, signed with the court platform's key as a `confirmation-ruling`
 * envelope with a verification code, rendered as a PDF stored by hash and recorded as a court document; the ruling
 * message carries it to the mediation platform — in one transaction. Both the parties and the mediator see it there.
 */
function rule(
  deps: Deps,
  ctx: SignedInContext,
  decision: Decision,
  input: CourtEventInput & { groundCode?: string | null; note?: string | null },
): Promise<CourtCaseDetail> {
  const event = decision === 'confirmed' ? 'confirm' : 'reject';
  const note = noteOf(input.note);
  const groundCode = decision === 'rejected' ? (input.groundCode ?? null) : null;
  return runConfirmationEvent(deps, ctx, 'court.confirm', input, async (trx, row) => {
    // Outside review, or a rejection without a ground: the lifecycle refuses it before anything is signed.
    if (row.status !== 'reviewing' || !row.application || (decision === 'rejected' && !groundCode)) {
      return { event, input: { groundCode, note } };
    }
    return {
      event,
      input: { groundCode, note },
      note: note ?? groundCode,
      ...(await issueRuling(deps, ctx, trx, row, decision, groundCode, note)),
    };
  });
}

async function issueRuling(
  deps: Deps,
  ctx: SignedInContext,
  trx: Kysely<DB>,
  row: CourtCaseRow,
  decision: Decision,
  groundCode: string | null,
  reason: string | null,
) {
  const app = row.application as NonNullable<CourtCaseRow['application']>;
  const court = await actorCourt(trx, ctx.actor);
  const judgeName = await displayNameOf(trx, ctx.actor.userId);
  const issuedAt = deps.now();
  const caseNumber = row.filing_number ?? '';
  const text = rulingText({
    caseNumber,
    courtName: court.name,
    applicants: app.applicants.map((a) => ({ name: a.name, side: a.side })),
    organizationName: app.organization.name,
    agreementCaseNumber: app.mediationCaseNumber,
    agreementEffectiveDate: app.agreement.effectiveDate,
    agreementTerms: app.agreement.terms,
    decision,
    rejectionGround: groundCode,
    reason,
    judgeName,
    ruledOn: todayInShanghai(issuedAt),
    acceptedOn: await acceptedOn(trx, row.id),
  });
  const parties = await loadParties(deps, trx, row.id);
  const verificationCode = newVerificationCode();
  const documentId = newId();
  const content = {
    documentId,
    caseId: row.id,
    caseNumber,
    court,
    decision,
    groundCode,
    applicants: parties.map((p) => ({
      kind: p.kind,
      name: p.name,
      idNumberIndex: blindIndex(deps.keys.blindIndexKey, p.idNumber),
    })),
    agreementVerificationCode: app.agreement.verificationCode,
    agreementSha256: app.agreement.attachment.sha256,
    text: text.lines,
    issuedAt: issuedAt.toISOString(),
  };
  const { signer } = deps.keys;
  const envelope = sealEnvelope('confirmation-ruling', content, signer, { verificationCode });
  const pdf = await renderConfirmationRulingPdf({
    courtName: court.name,
    caseNumber,
    title: text.title,
    lines: text.lines.slice(2),
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
    name: `民事裁定书-${caseNumber}.pdf`,
    mime: 'application/pdf',
    size: pdf.length,
    sha256: pdfSha256,
    sm3: sm3Hex(pdf),
    role: 'court-document',
  };
  return {
    document,
    verificationCode,
    payload: { documentId, verificationCode, decision },
    changes: () => ({ ruling: JSON.stringify({ decision, groundCode, reason }) }),
    afterUpdate: async () => {
      await trx
        .insertInto('court_documents')
        .values({
          id: documentId,
          case_id: row.id,
          kind: 'confirmation-ruling',
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
}

/** 确认: the agreement is valid and enforceable. */
export const confirmAgreement = (
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null },
) => rule(deps, ctx, 'confirmed', input);

/** 驳回: the application is rejected with a ground of 民诉法解释 第三百五十八条. */
export const rejectApplication = (
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { groundCode?: string | null; note?: string | null },
) => rule(deps, ctx, 'rejected', input);
