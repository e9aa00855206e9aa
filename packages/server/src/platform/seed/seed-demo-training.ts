import type { Kysely } from 'kysely';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { issueCertificates } from '../../use-cases/common/training/issue-certificates.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Beijing 09:00 of the day `days` from now. */
function beijingNine(now: Date, days: number): Date {
  const date = todayInShanghai(new Date(now.getTime() + days * DAY_MS));
  return new Date(`${date}T09:00:00+08:00`);
}

/**
 * Demo training: on the mediation platform, the center's annual course run with 上海金融法院, completed last week by
 * the three demo mediators (24 hours each, certificates issued), and an online course open for enrollment; on the
 * court platform, a course of 上海市高级人民法院 with the center for judges.
 */
export async function seedDemoTraining(deps: Deps, trx: Kysely<DB>): Promise<number> {
  const now = deps.now();
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'organization_id'])
    .where('username', 'in', ['center_admin', 'mediator1', 'mediator2', 'mediator3', 'shgy_admin'])
    .execute();
  const idOf = (username: string) => users.find((u) => u.username === username)?.id;
  if (deps.platform === 'court') {
    const admin = idOf('shgy_admin');
    if (!admin) return 0;
    await trx
      .insertInto('training_courses')
      .values({
        id: newId(),
        title: '证券虚假陈述案件审理与示范判决机制',
        summary: '法官与调解员共同研讨示范判决、损失核定与诉调对接。',
        organizer_id: 'court-sh-high',
        co_organizer_ids: ['org-center'],
        mode: 'in_person',
        location: '上海市高级人民法院 第三会议室',
        starts_at: beijingNine(now, 21),
        ends_at: new Date(beijingNine(now, 21).getTime() + 8 * HOUR_MS),
        hours_x10: 60,
        audience: ['judge', 'filing_officer'],
        capacity: 60,
        created_by: admin,
        created_at: now,
      })
      .execute();
    return 1;
  }
  const admin = idOf('center_admin');
  if (!admin) return 0;
  const completedId = newId();
  const starts = beijingNine(now, -9);
  await trx
    .insertInto('training_courses')
    .values([
      {
        id: completedId,
        title: '证券期货纠纷调解员年度轮训',
        summary: '调解规则、证券虚假陈述损失计算、调解协议与司法确认。',
        organizer_id: 'org-center',
        co_organizer_ids: ['court-sh74'],
        mode: 'in_person',
        location: '上海市浦东新区 中证法律服务中心 培训室',
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 2 * DAY_MS + 8 * HOUR_MS),
        hours_x10: 240,
        audience: ['mediator'],
        capacity: 80,
        status: 'completed',
        version: 2,
        created_by: admin,
        created_at: new Date(starts.getTime() - 14 * DAY_MS),
        closed_at: new Date(starts.getTime() + 3 * DAY_MS),
      },
      {
        id: newId(),
        title: '老年投资者沟通与在线调解实务',
        summary: '线上音视频调解的组织、适老化沟通与背对背调解。',
        organizer_id: 'org-center',
        co_organizer_ids: ['court-sh74', 'org-sz-msc'],
        mode: 'online',
        location: '在线（报名后在课程页查看会议链接）',
        starts_at: beijingNine(now, 14),
        ends_at: new Date(beijingNine(now, 14).getTime() + 3 * HOUR_MS),
        hours_x10: 30,
        audience: ['mediator', 'org_admin'],
        capacity: 200,
        created_by: admin,
        created_at: now,
      },
    ])
    .execute();
  const attendees = ['mediator1', 'mediator2', 'mediator3'].map(idOf).filter((id): id is string => !!id);
  if (attendees.length === 0) return 2;
  const creditedOn = todayInShanghai(new Date(starts.getTime() + 2 * DAY_MS));
  await trx
    .insertInto('training_enrollments')
    .values(
      attendees.map((user_id) => ({
        course_id: completedId,
        user_id,
        enrolled_at: new Date(starts.getTime() - 7 * DAY_MS),
        attendance: 'attended' as const,
        hours_x10: 240,
        credited_on: creditedOn,
        recorded_by: admin,
        recorded_at: new Date(starts.getTime() + 3 * DAY_MS),
      })),
    )
    .execute();
  const course = await trx
    .selectFrom('training_courses')
    .selectAll()
    .where('id', '=', completedId)
    .executeTakeFirstOrThrow();
  await issueCertificates(deps, trx, {
    course,
    creditedOn,
    issuedAt: new Date(starts.getTime() + 3 * DAY_MS),
  });
  return 2;
}
