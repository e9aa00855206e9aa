import type { Kysely } from 'kysely';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { formatChinaDateTime } from '../../../adapters/pdf/pdf-format.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';

/**
 * Tells a session's people (the mediator excepted) about it in their notices, inside the caller's transaction, and
 * returns the e-mails to send after commit (to those who gave an address).
 */
export async function noticeSession(
  trx: Kysely<DB>,
  input: {
    kind: 'session.invitation' | 'session.reminder' | 'session.cancelled';
    caseId: string;
    caseRef: string;
    scheduledAt: Date;
    expectedMinutes: number;
    userIds: readonly string[];
  },
): Promise<Notification[]> {
  if (input.userIds.length === 0) return [];
  const when = `${formatChinaDateTime(input.scheduledAt).slice(0, -3)}（北京时间，约${input.expectedMinutes}分钟）`;
  const text = {
    'session.invitation': {
      title: `${input.caseRef}：在线视频调解邀请`,
      body: `调解员邀请您于${when}参加在线视频调解。请提前进入候场室检测摄像头和麦克风。`,
    },
    'session.reminder': {
      title: `${input.caseRef}：在线视频调解即将开始`,
      body: `您的在线视频调解将于${when}开始。`,
    },
    'session.cancelled': {
      title: `${input.caseRef}：在线视频调解已取消`,
      body: `原定于${when}的在线视频调解已取消。`,
    },
  }[input.kind];
  await notifyUsers(
    trx,
    input.userIds.map((userId) => ({ userId, kind: input.kind, ...text, caseId: input.caseId })),
  );
  const people = await trx
    .selectFrom('users')
    .select(['email'])
    .where('id', 'in', [...input.userIds])
    .where('email', 'is not', null)
    .execute();
  return people.flatMap((p) =>
    p.email
      ? [{ channel: 'email' as const, to: p.email, subject: `【在线调解】${text.title}`, body: text.body }]
      : [],
  );
}
