import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { ClosingReportBody, DockingBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import type { DirectEvent, DirectState } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type { DirectEventInput } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { SYSTEM_USER_IDS } from '@sutiao/domain/system-actors.ts';
import type { OutgoingDockingMessage } from '../../common/transitions/outgoing-messages.ts';
import type { LoadedCase } from '../cases/load-case.ts';

/** What of a lifecycle A transition the court is told about. */
export interface ReferralTransition {
  event: DirectEvent;
  to: DirectState;
  after: LoadedCase;
  at: Date;
  input: DirectEventInput | undefined;
  payload: Record<string, unknown> | undefined;
  /** Who acted: the court's own events (through the link) are not echoed back. */
  actorUserId: string;
}

type Out = OutgoingDockingMessage;

async function closingAgreement(
  trx: Kysely<DB>,
  t: ReferralTransition,
): Promise<NonNullable<ClosingReportBody['agreement']>> {
  const agreement = await trx
    .selectFrom('agreements')
    .select(['amount_fen', 'text', 'sealed_at', 'verification_code', 'pdf_sha256', 'case_number'])
    .where('case_id', '=', t.after.id)
    .where('status', '=', 'effective')
    .orderBy('sealed_at', 'desc')
    .executeTakeFirstOrThrow();
  const payload = t.payload ?? {};
  return {
    amountFen: Number(agreement.amount_fen),
    terms: agreement.text,
    effectiveAt: new Date(agreement.sealed_at ?? t.at).toISOString(),
    verificationCode: agreement.verification_code ?? '',
    attachment: {
      name: `调解协议书-${agreement.case_number}.pdf`,
      mime: 'application/pdf',
      size: Number(payload.pdfSize),
      sha256: String(agreement.pdf_sha256 ?? payload.pdfSha256),
      sm3: String(payload.pdfSm3),
      role: 'agreement',
    },
  };
}

function closingReport(
  t: ReferralTransition,
  result: ClosingReportBody['result'],
  reasonCode: string | null,
  agreement: ClosingReportBody['agreement'] = null,
): DockingBody<'case.closing-report'> {
  return {
    closedAt: t.at.toISOString(),
    result,
    reasonCode,
    undisputedFacts: t.after.undisputed_facts,
    agreement,
  };
}

/**
 * The docking messages a transition of a court-referred case sends back to the court: receipt or decline,
 * extensions, progress, and one closing report (settled with the agreement, failed, expired or withdrawn).
 * Direct applications send nothing; neither does an event the court itself caused.
 */
export async function referralOutgoing(trx: Kysely<DB>, t: ReferralTransition): Promise<Out[]> {
  const c = t.after;
  if (c.source === 'direct' || !c.court_peer_id || !c.court_case_ref) return [];
  if (t.actorUserId === SYSTEM_USER_IDS.courtLink) return [];
  const message = <T extends DockingMessageType>(type: T, body: DockingBody<T>): Out => ({
    type,
    peerId: c.court_peer_id as string,
    caseRef: c.court_case_ref,
    body,
  });
  const at = t.at.toISOString();
  switch (t.event) {
    case 'sign-for-receipt':
      return [
        message('case.receipt', {
          receivedAt: at,
          organizationCaseNumber: c.case_number ?? '',
          organizationName: c.organization_name,
        }),
      ];
    case 'decline':
      return [
        message('case.decline', {
          declinedAt: at,
          reasonCode: t.input?.reasonCode ?? 'other',
          note: t.input?.reason ?? null,
        }),
      ];
    case 'extend':
      return [
        message('case.extension', {
          days: t.input?.days ?? 0,
          newDeadlineDate: c.court_deadline_date ?? '',
          consentNote: t.input?.note ?? '',
          consentRecordedAt: at,
        }),
      ];
    case 'assign-mediator':
    case 'choose-mediator':
      if (t.to !== 'mediating') return [];
      return [message('case.progress', { at, stage: 'mediator-assigned', mediatorName: null, note: null })];
    case 'draft-agreement':
      return [message('case.progress', { at, stage: 'agreement-drafted', mediatorName: null, note: null })];
    case 'seal-agreement':
      return [
        message('case.closing-report', closingReport(t, 'settled', null, await closingAgreement(trx, t))),
      ];
    case 'fail':
      return [message('case.closing-report', closingReport(t, 'failed', c.failure_reason_code))];
    case 'terminate':
      return [message('case.closing-report', closingReport(t, 'failed', 'terminated'))];
    case 'withdraw':
      return [message('case.closing-report', closingReport(t, 'withdrawn', 'applicant-withdrew'))];
    case 'expire':
      return [message('case.closing-report', closingReport(t, 'expired', 'deadline-expired'))];
    default:
      return [];
  }
}
