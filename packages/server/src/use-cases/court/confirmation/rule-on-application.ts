import type { Kysely } from 'kysely';
import { blindIndex } from '../../../adapters/crypto/sm4.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { renderConfirmationRulingPdf } from '../../../adapters/pdf/render-confirmation-ruling-pdf.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { rulingText } from '@sutiao/domain/confirmation/ruling-text.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';
import { actorCourt, type CourtCaseRow } from '../court-case-access.ts';
import { signCourtDocument } from '../court-document.ts';
import { loadParties } from '../court-parties.ts';
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
  const signed = await signCourtDocument(deps, {
    kind: 'confirmation-ruling',
    title: text.title,
    documentId,
    caseNumber,
    content,
    render: (signature) =>
      renderConfirmationRulingPdf({
        ...signature,
        courtName: court.name,
        caseNumber,
        title: text.title,
        lines: text.lines.slice(2),
        issuedAt,
      }),
  });
  return {
    document: signed.attachment,
    verificationCode: signed.verificationCode,
    payload: { documentId, verificationCode: signed.verificationCode, decision },
    changes: () => ({ ruling: JSON.stringify({ decision, groundCode, reason }) }),
    afterUpdate: () => signed.record(trx, { caseId: row.id, issuedByUserId: ctx.actor.userId, issuedAt }),
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
