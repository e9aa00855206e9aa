import type { DockingBody } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import type { OutgoingDockingMessage } from '../../common/transitions/outgoing-messages.ts';
import type { ConfirmationTransitioned } from './confirmation-binding.ts';

/**
 * What the court tells the mediation platform of a confirmation case: its acceptance decision (with the 民特 number
 * and the review's last day, or the ground of refusal), a request for supplements, and the ruling (确认 or 驳回 with
 * the signed 民事裁定书; or treated as withdrawn when supplements did not come). Assignment, inquiries and the
 * extension stay at the court. Everything goes under the application's id, to the platform it came from.
 */
export function confirmationMessages(t: ConfirmationTransitioned): OutgoingDockingMessage[] {
  const row = t.after;
  if (!row.peer_id || !row.link_ref) return [];
  const send = <T extends DockingMessageType>(type: T, body: DockingBody<T>): OutgoingDockingMessage[] => [
    { type, peerId: row.peer_id as string, caseRef: row.link_ref, body },
  ];
  const at = t.at.toISOString();
  const input = t.request.input ?? {};
  switch (t.event) {
    case 'accept':
      return send('confirmation.acceptance', {
        at,
        outcome: 'accepted',
        caseNumber: row.filing_number,
        groundCode: null,
        note: null,
        rulingDueDate: row.next_deadline_date,
      });
    case 'refuse':
      return send('confirmation.acceptance', {
        at,
        outcome: 'not-accepted',
        caseNumber: null,
        groundCode: input.groundCode ?? 'other',
        note: t.request.note ?? null,
        rulingDueDate: null,
      });
    case 'request-supplement':
      return send('confirmation.supplement-request', {
        at,
        of: row.supplement_of ?? 'both',
        questions: t.request.note ?? '',
        dueDate: row.supplement_due_date ?? '',
      });
    case 'confirm':
    case 'reject':
      return send('confirmation.ruling', {
        at,
        decision: t.event === 'confirm' ? 'confirmed' : 'rejected',
        caseNumber: row.filing_number ?? '',
        groundCode: t.event === 'reject' ? (input.groundCode ?? null) : null,
        reason: t.request.note ?? null,
        document: t.request.document ?? null,
        verificationCode: t.request.verificationCode ?? null,
      });
    case 'supplement-lapsed':
      return send('confirmation.ruling', {
        at,
        decision: 'withdrawn',
        caseNumber: row.filing_number ?? '',
        groundCode: 'supplement-lapsed',
        reason: t.request.note ?? null,
        document: null,
        verificationCode: null,
      });
    default:
      return [];
  }
}
