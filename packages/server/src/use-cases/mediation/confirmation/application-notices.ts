import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import {
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATE_LABELS,
  type ApplicationState,
} from '@sutiao/domain/lifecycles/confirmation-application.ts';
import type { UserNotice } from '../../common/notices/notify-user.ts';
import type { TransitionNotices } from '../../common/transitions/lifecycle-binding.ts';
import { loadCase } from '../cases/load-case.ts';
import type { ApplicationRow, ApplicationTransitioned } from './application-binding.ts';
import { confirmationParticipants } from './confirmation-parties.ts';

/**
 * Everyone of the case but the actor hears of each step of the application — the parties (a supplement request only
 * the party it is addressed to), the mediator and the organization — in the inbox and, parties, by e-mail.
 */
export async function applicationNotices(
  trx: Kysely<DB>,
  t: ApplicationTransitioned,
): Promise<TransitionNotices> {
  return noticesFor(trx, t.after, APPLICATION_EVENT_LABELS[t.event].zh, t.ctx.actor?.userId ?? null);
}

export async function noticesFor(
  trx: Kysely<DB>,
  row: ApplicationRow,
  what: string,
  actorUserId: string | null,
): Promise<TransitionNotices> {
  const c = await loadCase(trx, row.case_id);
  if (!c) return { messages: [], emails: [] };
  const state = APPLICATION_STATE_LABELS[row.status as ApplicationState]?.zh ?? row.status;
  const title = `司法确认（${row.court_name}）：${what}`;
  const body = `案件 ${c.case_number ?? ''}，申请状态：${state}${row.court_case_number ? `，法院案号 ${row.court_case_number}` : ''}。`;
  const addressed =
    row.status === 'supplement_requested' && row.supplement_of && row.supplement_of !== 'both'
      ? row.supplement_of
      : null;
  const messages: UserNotice[] = [];
  const emails: Notification[] = [];
  for (const p of await confirmationParticipants(trx, c)) {
    if (p.userId === actorUserId) continue;
    if (addressed && p.side !== addressed && p.side !== 'mediator') continue;
    messages.push({ userId: p.userId, kind: 'confirmation', title, body, caseId: c.id });
    if (p.email && (p.side === 'investor' || p.side === 'respondent')) {
      emails.push({ channel: 'email', to: p.email, subject: title, body });
    }
  }
  return { messages, emails };
}
