import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { InboundHandler } from '../../docking/inbound-handler.ts';
import { referredCaseOf } from './referred-case.ts';

const OUTCOMES = {
  filed: '法院已登记立案',
  'mediation-document': '法院已出具民事调解书',
  'plaintiff-withdrew': '原告已撤诉',
  'trial-resumed': '法院恢复审理',
} as const;

/**
 * What the court did with the case after the closing report (filed it, issued a 调解书, the plaintiff withdrew,
 * trial resumed): recorded on the case's timeline for everyone who follows it; the case's own state does not move.
 */
export const receiveFilingNotice: InboundHandler<'case.filing-notice'> = async (deps, trx, message) => {
  const c = await referredCaseOf(trx, message);
  const { outcome, caseNumber, at } = message.body;
  const now = deps.now();
  await trx
    .insertInto('case_events')
    .values({
      case_id: c.id,
      event: 'court-filing-notice',
      from_status: c.status,
      to_status: c.status,
      actor_user_id: null,
      actor_role: 'court-link',
      actor_name: '法院',
      at: now,
      note: `${OUTCOMES[outcome]}${caseNumber ? `：${caseNumber}` : ''}`,
      payload: JSON.stringify({ outcome, caseNumber, at, messageId: message.messageId }),
    })
    .execute();
  if (caseNumber && outcome === 'filed') {
    await trx.updateTable('cases').set({ court_case_number: caseNumber }).where('id', '=', c.id).execute();
  }
  await appendAudit(
    trx,
    {
      requestId: message.messageId,
      actorRole: 'court-link',
      action: 'case.court-filing-notice',
      targetType: 'case',
      targetId: c.id,
      outcome: 'success',
      details: { outcome, caseNumber },
    },
    now,
  );
};
