import { sql } from 'kysely';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { Deps } from '../../../deps.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { noticeSession } from './session-notices.ts';

/** How long before its start a session's people are reminded. */
export const SESSION_REMINDER_BEFORE_MS = 60 * 60 * 1000;

/**
 * Reminds the people of each session starting within the hour, once: the update that sets `reminder_sent_at`
 * claims the session (skipping rows another instance holds), and the notices are written in the same transaction.
 * Returns how many sessions were reminded.
 */
export async function sendSessionReminders(deps: Deps, batch = 100): Promise<number> {
  const now = deps.now();
  const until = new Date(now.getTime() + SESSION_REMINDER_BEFORE_MS);
  const { count, emails } = await deps.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      id: string;
      case_id: string;
      scheduled_at: Date;
      expected_minutes: number;
      case_number: string | null;
    }>`
      update mediation_sessions s set reminder_sent_at = ${now}
      from cases c
      where c.id = s.case_id and s.id in (
        select id from mediation_sessions
        where state = 'scheduled' and reminder_sent_at is null and scheduled_at <= ${until} and scheduled_at > ${now}
        order by scheduled_at limit ${batch} for update skip locked)
      returning s.id, s.case_id, s.scheduled_at, s.expected_minutes, c.case_number`.execute(trx);
    const emails: Notification[] = [];
    for (const r of rows) {
      const people = await trx
        .selectFrom('mediation_session_participants')
        .select('user_id')
        .where('session_id', '=', r.id)
        .where('role', '<>', 'mediator')
        .execute();
      emails.push(
        ...(await noticeSession(trx, {
          kind: 'session.reminder',
          caseId: r.case_id,
          caseRef: r.case_number ?? '调解申请',
          scheduledAt: new Date(r.scheduled_at),
          expectedMinutes: r.expected_minutes,
          userIds: people.map((p) => p.user_id),
        })),
      );
    }
    return { count: rows.length, emails };
  });
  await sendAfterCommit(deps, emails);
  return count;
}
