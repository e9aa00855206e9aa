import { sql } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps } from '../../../deps.ts';
import { addWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { DEADLINE_KIND_LABELS } from '@sutiao/domain/lifecycles/direct-application-deadlines.ts';
import { type UserNotice, notifyUsers } from '../../common/notices/notify-user.ts';
import { loadCaseFacts } from './case-facts.ts';
import { participantsOf, todoOf } from './case-notices.ts';
import type { LoadedCase } from './load-case.ts';

type Level = 'due-soon' | 'overdue';

/**
 * Reminds whoever must act on a case when its deadline is due within one working day, and again once it has
 * passed. Each (case, deadline, level) is claimed by an insert that conflicts on repeat, so running the job often,
 * or on several instances, never reminds twice. Returns how many reminders were sent.
 */
export async function sendDeadlineReminders(deps: Deps, batch = 200): Promise<number> {
  const today = todayInShanghai(deps.now());
  const soon = addWorkingDays(today, 1);
  // Only cases not yet reminded at their current level, oldest deadline first, a batch at a time: a backlog of
  // thousands is worked off over several runs instead of stalling one.
  const due = await deps.db
    .selectFrom('cases')
    .selectAll()
    .where('next_deadline_date', 'is not', null)
    .where('next_deadline_date', '<=', soon)
    .where(({ not, exists, selectFrom, ref, eb }) =>
      not(
        exists(
          selectFrom('deadline_reminders as r')
            .select('r.case_id')
            .whereRef('r.case_id', '=', 'cases.id')
            .whereRef('r.due_date', '=', 'cases.next_deadline_date')
            .where(
              'r.deadline_kind',
              '=',
              eb.fn.coalesce(ref('cases.next_deadline_kind'), eb.val('deadline')),
            )
            .where(
              'r.level',
              '=',
              sql<Level>`case when cases.next_deadline_date < ${today} then 'overdue' else 'due-soon' end`,
            ),
        ),
      ),
    )
    .orderBy('next_deadline_date')
    .limit(batch)
    .execute();
  let sent = 0;
  for (const c of due as LoadedCase[]) {
    const level: Level = c.next_deadline_date! < today ? 'overdue' : 'due-soon';
    if (await remind(deps, c, level)) sent += 1;
  }
  return sent;
}

async function remind(deps: Deps, c: LoadedCase, level: Level): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('deadline_reminders')
      .values({
        case_id: c.id,
        deadline_kind: c.next_deadline_kind ?? 'deadline',
        due_date: c.next_deadline_date!,
        level,
        sent_at: deps.now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .executeTakeFirst();
    if (!claimed) return false;
    const facts = await loadCaseFacts(trx, c);
    const kind = DEADLINE_KIND_LABELS[c.next_deadline_kind ?? '']?.zh ?? '期限';
    const title = `${c.case_number ?? '调解申请'}：${kind}${level === 'overdue' ? '已届满' : '即将届满'}（${c.next_deadline_date}）`;
    const messages: UserNotice[] = (await participantsOf(trx, c))
      .filter(({ actor }) => todoOf(actor, c, facts).length > 0)
      .map(({ actor }) => ({ userId: actor.userId, kind: `deadline.${level}`, title, caseId: c.id }));
    await notifyUsers(trx, messages);
    await appendAudit(
      trx,
      {
        requestId: `deadline-job-${deps.now().toISOString()}`,
        actorRole: 'system',
        action: `case.deadline.${level}`,
        targetType: 'case',
        targetId: c.id,
        outcome: 'success',
        details: { kind: c.next_deadline_kind, dueDate: c.next_deadline_date, notified: messages.length },
      },
      deps.now(),
    );
    return true;
  });
}
