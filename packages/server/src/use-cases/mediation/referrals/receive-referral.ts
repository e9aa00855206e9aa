import type { Kysely } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { blindIndex, encryptField } from '../../../adapters/crypto/sm4.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { newId } from '../../../lib/ids.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { CourtParty, DelegationBody, EntrustmentBody } from '@sutiao/domain/docking/message-bodies.ts';
import { formatFen } from '@sutiao/domain/money.ts';
import { dockingRejection, type InboundHandler, type InboundMessage } from '../../docking/inbound-handler.ts';
import type { UserNotice } from '../../common/notices/notify-user.ts';
import { loadCase, type LoadedCase } from '../cases/load-case.ts';
import { numberCaseAtEnd, PENDING_CASE_NUMBER } from '../cases/number-case-at-end.ts';

type ReferralMessage = InboundMessage<'case.delegate'> | InboundMessage<'case.entrust'>;

async function checkOrganization(trx: Kysely<DB>, body: DelegationBody | EntrustmentBody) {
  const org = await trx
    .selectFrom('organizations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', body.organizationId)
    .executeTakeFirst();
  if (!org || (org.kind !== 'mediation' && org.kind !== 'workstation')) {
    throw dockingRejection('UNKNOWN_ORGANIZATION', body.organizationId);
  }
  if (body.mediatorId) {
    const mediator = await trx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.id', '=', body.mediatorId)
      .where('user_roles.role', '=', 'mediator')
      .where('users.disabled', '=', false)
      .executeTakeFirst();
    if (!mediator) throw dockingRejection('UNKNOWN_MEDIATOR', body.mediatorId);
  }
  return org;
}

/** The respondent firm, by its unified social credit code; a firm not yet on the platform is recorded from the court's data. */
async function respondentOrganization(trx: Kysely<DB>, defendant: CourtParty): Promise<string> {
  const known = await trx
    .selectFrom('organizations')
    .select('id')
    .where('credit_code', '=', defendant.idNumber)
    .executeTakeFirst();
  if (known) return known.id;
  const id = `firm-${defendant.idNumber.toLowerCase()}`;
  await trx
    .insertInto('organizations')
    .values({ id, kind: 'firm', name: defendant.name, credit_code: defendant.idNumber })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return id;
}

async function organizationAdmins(trx: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.organization_id', '=', organizationId)
    .where('user_roles.role', '=', 'org_admin')
    .where('users.disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A court's delegation (诉前委派) or entrustment (诉中委托) arrives: the case is created in the organization's queue
 * awaiting receipt, marked with its source and court, numbered by the organization, its parties kept encrypted and
 * matched to accounts (an investor by the blind index of the ID number, a firm by its credit code); the
 * organization's administrators are told in the platform and the parties by SMS at the numbers the court gave.
 */
export const receiveReferral: InboundHandler<'case.delegate' | 'case.entrust'> = async (
  deps,
  trx,
  message,
) => {
  const { body } = message as ReferralMessage;
  if (!message.caseRef) throw dockingRejection('INVALID_BODY', 'a referral needs a caseRef');
  const org = await checkOrganization(trx, body);
  const existing = await trx
    .selectFrom('cases')
    .select('id')
    .where('court_peer_id', '=', message.senderId)
    .where('court_case_ref', '=', message.caseRef)
    .executeTakeFirst();
  if (existing) throw dockingRejection('DUPLICATE_CASE', message.caseRef);
  const plaintiff = body.parties.find((p) => p.role === 'plaintiff');
  const defendant = body.parties.find((p) => p.role === 'defendant' && p.kind === 'organization');
  if (!plaintiff) throw dockingRejection('INVALID_BODY', 'no plaintiff');
  if (!defendant) throw dockingRejection('INVALID_BODY', 'no defendant organization (the respondent firm)');

  const { dataKeys, blindIndexKey } = deps.keys;
  const plaintiffIndex = blindIndex(blindIndexKey, plaintiff.idNumber);
  const applicant =
    plaintiff.kind === 'person'
      ? await trx
          .selectFrom('users')
          .select('id')
          .where('id_number_index', '=', plaintiffIndex)
          .executeTakeFirst()
      : undefined;
  const respondentOrgId = await respondentOrganization(trx, defendant);
  const at = deps.now();
  const caseId = newId();
  const entrusted = message.type === 'case.entrust';
  await trx
    .insertInto('cases')
    .values({
      id: caseId,
      organization_id: org.id,
      applicant_user_id: applicant?.id ?? null,
      respondent_org_id: respondentOrgId,
      status: 'awaiting_receipt',
      claim_amount_fen: body.claimAmountFen,
      facts: body.facts,
      requests: body.claims,
      applicant_name: plaintiff.name,
      applicant_investor_kind: null,
      next_deadline_kind: 'court-period',
      next_deadline_date: body.deadlineDate,
      source: entrusted ? 'entrusted' : 'delegated',
      court_peer_id: message.senderId,
      court_case_ref: message.caseRef,
      court_id: body.court.id,
      court_code: body.court.code,
      court_name: body.court.name,
      court_case_number: 'filingNumber' in body ? body.filingNumber : body.preFilingNumber,
      court_procedure: 'procedure' in body ? body.procedure : null,
      court_deadline_date: body.deadlineDate,
      submitted_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await trx
    .insertInto('case_court_parties')
    .values(
      body.parties.map((party, position) => ({
        case_id: caseId,
        position,
        kind: party.kind,
        role: party.role,
        name: party.name,
        id_number_enc: encryptField(dataKeys.current, party.idNumber, 'case_court_parties.id_number'),
        id_number_index: blindIndex(blindIndexKey, party.idNumber),
        phone_enc: party.phone
          ? encryptField(dataKeys.current, party.phone, 'case_court_parties.phone')
          : null,
        user_id: party === plaintiff ? (applicant?.id ?? null) : null,
        organization_id: party === defendant ? respondentOrgId : null,
      })),
    )
    .execute();
  const source = entrusted ? { zh: '诉中委托', en: 'entrusted' } : { zh: '诉前委派', en: 'delegated' };
  await trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      event: entrusted ? 'court-entrust' : 'court-delegate',
      from_status: null,
      to_status: 'awaiting_receipt',
      actor_user_id: null,
      actor_role: 'court-link',
      actor_name: body.court.name,
      at,
      note: `${body.court.name}${source.zh}：${'filingNumber' in body ? body.filingNumber : body.preFilingNumber}`,
      payload: JSON.stringify({ messageId: message.messageId, suggestedMediatorId: body.mediatorId }),
    })
    .execute();
  const loaded = (await loadCase(trx, caseId)) as LoadedCase;
  const admins = await organizationAdmins(trx, org.id);
  const notices: UserNotice[] = admins.map((userId) => ({
    userId,
    kind: 'court-referral',
    title: `${body.court.name}${source.zh}案件待签收：${PENDING_CASE_NUMBER}`,
    body: `${plaintiff.name} 诉 ${defendant.name}，标的 ${formatFen(body.claimAmountFen)} 元；调解期限至 ${body.deadlineDate}。`,
    caseId,
  }));
  if (applicant) {
    notices.push({
      userId: applicant.id,
      kind: 'court-referral',
      title: `${body.court.name}已将您的纠纷${source.zh}至${org.name}调解`,
      caseId,
    });
  }
  const details: Record<string, unknown> = {
    source: source.en,
    court: body.court.id,
    courtCaseNumber: loaded.court_case_number,
    applicantMatched: applicant !== undefined,
  };
  await numberCaseAtEnd(trx, loaded, todayInShanghai(at), { messages: notices, emails: [] }, details);
  await appendAudit(
    trx,
    {
      requestId: message.messageId,
      actorUserId: null,
      actorRole: 'court-link',
      action: `case.court-${entrusted ? 'entrust' : 'delegate'}`,
      targetType: 'case',
      targetId: caseId,
      outcome: 'success',
      details,
    },
    at,
  );
  const caseNumber = loaded.case_number;
  for (const party of body.parties) {
    if (!party.phone || party.kind !== 'person') continue;
    const phone = party.phone;
    message.afterCommit(() =>
      deps.notify.send({
        channel: 'sms',
        to: phone,
        subject: `${body.court.name}${source.zh}调解`,
        body: `${party.name}：${body.court.name}已将您参与的纠纷${source.zh}至${org.name}调解（案号 ${caseNumber}）。请登录中国投资者网在线调解平台注册或登录后参与调解。`,
      }),
    );
  }
};
