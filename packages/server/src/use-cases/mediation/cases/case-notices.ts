import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import {
  DIRECT_EVENT_LABELS,
  DIRECT_STATE_LABELS,
  type DirectEvent,
  type DirectState,
} from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { isRole, type Role } from '@sutiao/domain/roles.ts';
import type { UserNotice } from '../../common/notices/notify-user.ts';
import { abilitiesOf } from './case-abilities.ts';
import type { LoadedCase } from './load-case.ts';

interface Participant {
  actor: Actor;
  email: string | null;
}

/** Everyone who might act on the case: applicant side, respondent staff, the mediator, the handling org's admins. */
export async function participantsOf(trx: Kysely<DB>, c: LoadedCase): Promise<Participant[]> {
  const ids = [c.applicant_user_id, c.agent_user_id, c.mediator_user_id].filter((id): id is string => !!id);
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.organization_id', 'users.email', 'user_roles.role'])
    .where('users.disabled', '=', false)
    .where((eb) =>
      eb.or([
        // A court's referral may name no user yet: `in ()` is not SQL.
        ...(ids.length > 0 ? [eb('users.id', 'in', ids)] : []),
        eb.and([
          eb('users.organization_id', '=', c.respondent_org_id),
          eb('user_roles.role', '=', 'respondent'),
        ]),
        eb.and([
          eb('users.organization_id', '=', c.organization_id),
          eb('user_roles.role', '=', 'org_admin'),
        ]),
      ]),
    )
    .execute();
  const byId = new Map<string, Participant>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const found = byId.get(row.id) ?? {
      actor: {
        userId: row.id,
        roles: [] as Role[],
        organizationId: row.organization_id,
        platform: 'mediation',
      },
      email: row.email,
    };
    found.actor.roles.push(row.role);
    byId.set(row.id, found);
  }
  return [...byId.values()];
}

/**
 * Inbox notices after a transition, not yet written: a to-do for each participant who can now act, and a status
 * notice for the applicant, with the e-mails to send once the transaction has committed.
 */
export async function composeNotices(
  trx: Kysely<DB>,
  after: LoadedCase,
  facts: DirectCaseFacts,
  event: DirectEvent,
  actorUserId: string,
): Promise<{ messages: UserNotice[]; emails: Notification[] }> {
  const participants = await participantsOf(trx, after);
  const label = DIRECT_STATE_LABELS[after.status as DirectState]?.zh ?? after.status;
  const ref = after.case_number ?? '调解申请';
  const messages: UserNotice[] = [];
  const emails: Notification[] = [];
  for (const { actor, email } of participants) {
    if (actor.userId === actorUserId) continue;
    const todo = todoOf(actor, after, facts);
    const isApplicant = actor.userId === after.applicant_user_id || actor.userId === after.agent_user_id;
    if (todo.length === 0 && !isApplicant) continue;
    const body =
      todo.length > 0
        ? `待办：${todo.map((e) => DIRECT_EVENT_LABELS[e].zh).join('、')}`
        : `“${DIRECT_EVENT_LABELS[event].zh}”已完成。`;
    messages.push({
      userId: actor.userId,
      kind: todo.length > 0 ? 'case.todo' : 'case.status',
      title: `${ref}：${label}`,
      body,
      caseId: after.id,
    });
    if (isApplicant && email) {
      emails.push({ channel: 'email', to: email, subject: `【在线调解】${ref}：${label}`, body });
    }
  }
  return { messages, emails };
}

/** What a participant can move forward now; withdrawing is always open to the applicant and is no to-do. */
export function todoOf(actor: Actor, c: LoadedCase, facts: DirectCaseFacts): DirectEvent[] {
  return abilitiesOf(actor, c.status, facts).filter((e) => e !== 'withdraw');
}
