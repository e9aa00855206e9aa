import type { Kysely } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { formatFen } from '@sutiao/domain/money.ts';
import { acceptanceDeadline } from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { chineseDate } from '@sutiao/domain/agreement-template.ts';
import { dockingRejection, type InboundHandler } from '../../docking/inbound-handler.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import { courtStaff } from '../court-case-access.ts';
import { insertParties } from '../court-parties.ts';

/**
 * A joint application for judicial confirmation arrives from a mediation platform: it opens a confirmation case
 * (lifecycle D, `received`) at the court it names, with both applicants (ID numbers encrypted), the agreement as
 * applied for and the 3-day clock to decide acceptance; the court's filing officers are told. A court this
 * platform does not hold, or an application already received, is refused and nothing is stored.
 */
export const receiveConfirmationApplication: InboundHandler<'confirmation.apply'> = async (
  deps: Deps,
  trx: Kysely<DB>,
  message,
) => {
  const { body } = message;
  if (!message.caseRef)
    throw dockingRejection('INVALID_BODY', 'a confirmation application needs its caseRef');
  const court = await trx
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', body.court.id)
    .where('kind', '=', 'court')
    .executeTakeFirst();
  if (!court) throw dockingRejection('UNKNOWN_ORGANIZATION', `no court ${body.court.id} on this platform`);
  const existing = await trx
    .selectFrom('court_cases')
    .select('id')
    .where('kind', '=', 'confirmation')
    .where('peer_id', '=', message.senderId)
    .where('link_ref', '=', message.caseRef)
    .executeTakeFirst();
  if (existing)
    throw dockingRejection('DUPLICATE_CASE', `application ${message.caseRef} was already received`);
  const origin = body.referral
    ? await trx
        .selectFrom('court_cases')
        .select('id')
        .where('id', '=', body.referral.caseRef)
        .where('court_id', '=', court.id)
        .executeTakeFirst()
    : undefined;
  const at = deps.now();
  const today = todayInShanghai(at);
  const id = newId();
  const { agreement } = body;
  await trx
    .insertInto('court_cases')
    .values({
      id,
      kind: 'confirmation',
      status: 'received',
      version: 1,
      court_id: court.id,
      origin_case_id: null,
      pre_filing_number: null,
      filing_number: null,
      link_ref: message.caseRef,
      procedure: null,
      claims: `申请确认双方于${chineseDate(agreement.effectiveDate)}经${body.organization.name}调解达成的调解协议（${body.mediationCaseNumber}）有效`,
      claim_amount_fen: Math.max(1, agreement.amountFen),
      facts: agreement.terms,
      peer_id: message.senderId,
      organization_id: body.organization.id,
      organization_name: body.organization.name,
      mediator_id: null,
      mediator_name: null,
      organization_case_number: body.mediationCaseNumber,
      consent_note: null,
      consent_recorded_at: null,
      closing_result: null,
      closing_reason: null,
      closing_report: null,
      application: JSON.stringify(body),
      undisputed_facts: null,
      outcome_note: origin ? `来自本院案件 ${body.referral?.caseNumber ?? origin.id}` : null,
      next_deadline_kind: 'acceptance',
      next_deadline_date: acceptanceDeadline(today),
      created_by_user_id: null,
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
  await insertParties(
    deps,
    trx,
    id,
    body.applicants.map((a) => ({
      kind: a.kind,
      role: 'applicant' as const,
      name: a.name,
      idNumber: a.idNumber,
      phone: a.phone,
      address: null,
    })),
  );
  await trx
    .insertInto('court_case_events')
    .values({
      case_id: id,
      event: 'receive-application',
      from_status: null,
      to_status: 'received',
      actor_user_id: null,
      actor_role: null,
      actor_name: body.organization.name,
      at,
      note: `${body.routingReason}；协议金额 ${formatFen(agreement.amountFen)}`,
      payload: JSON.stringify({ messageId: message.messageId, originCaseId: origin?.id ?? null }),
    })
    .execute();
  const officers = await courtStaff(trx, court.id, 'filing_officer');
  await notifyUsers(
    trx,
    officers.map((userId) => ({
      userId,
      kind: 'court.confirmation.received',
      title: `新的司法确认申请：${body.applicants.map((a) => a.name).join('、')}（请于${chineseDate(acceptanceDeadline(today))}前决定是否受理）`,
      caseId: id,
    })),
  );
  await appendAudit(
    trx,
    {
      requestId: `docking:${message.messageId}`,
      actorUserId: null,
      actorRole: null,
      action: 'court.confirmation.receive-application',
      targetType: 'court-case',
      targetId: id,
      outcome: 'success',
      details: {
        to: 'received',
        courtId: court.id,
        peerId: message.senderId,
        linkRef: message.caseRef,
        acceptanceDue: acceptanceDeadline(today),
      },
    },
    at,
  );
};
