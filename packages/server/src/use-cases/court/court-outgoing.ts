import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { CourtParty, DockingBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import type { OutgoingDockingMessage } from '../common/transitions/outgoing-messages.ts';
import type { CourtTransitioned } from './court-case-binding.ts';

/** The court and the parties (decrypted by the use case, which holds the keys) a referral message carries. */
export interface ReferralParts {
  court: { id: string; name: string; code: string };
  parties: CourtParty[];
}

/** States after which the organization has closed its case: the court's later decisions reach it as notices. */
const REPORTED = ['settled', 'failed', 'expired'];
/** States in which the organization holds the case: the court's withdrawal or recall reaches it. */
const AT_ORGANIZATION = ['delegated', 'entrusted', 'mediating'];

type Notice = DockingBody<'case.filing-notice'>;

/**
 * The docking messages a court transition sends, written to the outbox in its transaction: the referral itself, an
 * extension the court recorded, a withdrawal or recall while the organization holds the case, and the court's
 * later decisions (filed, 调解书, 撤诉, trial resumed) once the organization has reported. Messages go under the
 * row's link reference to the peer of the organization chosen; a case never referred sends nothing.
 */
export async function courtMessages(
  _trx: Kysely<DB>,
  kind: 'delegation' | 'entrustment',
  t: CourtTransitioned,
): Promise<OutgoingDockingMessage[]> {
  const row = t.after;
  if (!row.peer_id) return [];
  const peerId = row.peer_id;
  const caseRef = row.link_ref ?? row.id;
  const send = <T extends DockingMessageType>(type: T, body: DockingBody<T>): OutgoingDockingMessage[] => [
    { type, peerId, caseRef, body },
  ];
  const notice = (outcome: Notice['outcome'], document: Notice['document'] = null) =>
    send('case.filing-notice', { at: t.at.toISOString(), outcome, caseNumber: row.filing_number, document });
  const wasReported = REPORTED.includes(t.from);

  switch (t.event) {
    case 'delegate':
    case 'entrust': {
      const referral = t.request.referral;
      if (!referral) throw new Error(`${t.event} needs the referral's court and parties`);
      const fields = {
        court: referral.court,
        organizationId: row.organization_id ?? '',
        mediatorId: row.mediator_id,
        parties: referral.parties,
        claims: row.claims,
        claimAmountFen: row.claim_amount_fen,
        facts: row.facts,
        consentRecordedAt: new Date(row.consent_recorded_at ?? t.at).toISOString(),
        deadlineDate: row.next_deadline_date ?? '',
        attachments: [],
      };
      return kind === 'delegation'
        ? send('case.delegate', { ...fields, preFilingNumber: row.pre_filing_number ?? '' })
        : send('case.entrust', {
            ...fields,
            filingNumber: row.filing_number ?? '',
            procedure: row.procedure ?? 'ordinary',
          });
    }
    case 'extend':
      // An extension the organization sent is already known there.
      if (t.ctx.actor === null) return [];
      return send('case.extension', {
        days: t.request.input?.days ?? 0,
        newDeadlineDate: row.next_deadline_date ?? '',
        consentNote: t.request.note ?? '',
        consentRecordedAt: t.at.toISOString(),
      });
    case 'withdraw':
    case 'recall':
      if (AT_ORGANIZATION.includes(t.from)) {
        return send('case.withdrawal', { withdrawnAt: t.at.toISOString(), reason: t.request.note ?? '' });
      }
      return wasReported ? notice('plaintiff-withdrew') : [];
    case 'file':
      return wasReported ? notice('filed') : [];
    case 'issue-document':
      return notice('mediation-document', t.request.document ?? null);
    case 'record-withdrawal':
      return notice('plaintiff-withdrew');
    case 'resume-trial':
      return wasReported ? notice('trial-resumed') : [];
    default:
      return [];
  }
}
