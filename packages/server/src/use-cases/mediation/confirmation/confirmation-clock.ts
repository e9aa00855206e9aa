import type { Deps } from '../../../deps.ts';
import { compareDates, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { applicationWindowLastDay, reminderDates } from '@sutiao/domain/confirmation/clocks.ts';
import { chineseDate } from '@sutiao/domain/agreement-template.ts';
import { isAppError } from '@sutiao/domain/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { loadCase } from '../cases/load-case.ts';
import { applyApplicationTransition } from './application-binding.ts';
import { confirmationParticipants } from './confirmation-parties.ts';

/** Application states after which no reminder is needed: the court has it, or has decided. */
const AT_OR_PAST_COURT = ['submitted', 'accepted', 'supplement_requested', 'confirmed'];

/**
 * The 30-day clock of judicial confirmation on the mediation platform: on day 20 and day 25 after an agreement took
 * effect, the parties who have not yet applied jointly are reminded (once each, however many instances run); after
 * the 30th day an application still waiting for the second party lapses (the court would not accept it).
 */
export async function runConfirmationClock(deps: Deps): Promise<{ reminded: number; lapsed: number }> {
  const now = deps.now();
  const today = todayInShanghai(now);
  let reminded = 0;
  let lapsed = 0;
  const recent = await deps.db
    .selectFrom('agreements')
    .select(['id', 'case_id', 'sealed_at'])
    .where('status', '=', 'effective')
    .where('sealed_at', '>=', new Date(now.getTime() - 35 * 86_400_000))
    .limit(2000)
    .execute();
  for (const agreement of recent) {
    if (!agreement.sealed_at) continue;
    const effective = todayInShanghai(new Date(agreement.sealed_at));
    const lastDay = applicationWindowLastDay(effective);
    if (compareDates(today, lastDay) > 0) continue;
    const due = reminderDates(effective).filter((d) => compareDates(d, today) <= 0);
    if (due.length === 0) continue;
    const live = await deps.db
      .selectFrom('confirmation_applications')
      .select('id')
      .where('agreement_id', '=', agreement.id)
      .where('status', 'in', AT_OR_PAST_COURT)
      .executeTakeFirst();
    if (live) continue;
    const reminderDate = due[due.length - 1] as string;
    const sent = await deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('deadline_reminders')
        .values({
          case_id: agreement.case_id,
          deadline_kind: 'confirmation-window',
          due_date: reminderDate,
          level: 'due-soon',
          sent_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .executeTakeFirst();
      if (!inserted) return null;
      const c = await loadCase(trx, agreement.case_id);
      if (!c) return null;
      const parties = (await confirmationParticipants(trx, c)).filter(
        (p) => p.side === 'investor' || p.side === 'respondent',
      );
      const title = `司法确认申请期限提醒：请于${chineseDate(lastDay)}前共同申请`;
      const body = `案件 ${c.case_number ?? ''} 的调解协议于${chineseDate(effective)}生效。双方当事人可自生效之日起三十日内共同向有管辖权的人民法院申请司法确认，逾期法院不予受理。`;
      await notifyUsers(
        trx,
        parties.map((p) => ({ userId: p.userId, kind: 'confirmation.reminder', title, body, caseId: c.id })),
      );
      return parties.flatMap((p) =>
        p.email ? [{ channel: 'email' as const, to: p.email, subject: title, body }] : [],
      );
    });
    if (sent === null) continue;
    reminded += 1;
    await sendAfterCommit(deps, sent);
  }
  const waiting = await deps.db
    .selectFrom('confirmation_applications')
    .select(['id', 'version', 'window_last_day'])
    .where('status', '=', 'awaiting_co_applicant')
    .where('window_last_day', '<', today)
    .limit(500)
    .execute();
  const ctx = { actor: null, requestId: newId(), actorRole: 'scheduler' };
  for (const row of waiting) {
    try {
      const result = await deps.db.transaction().execute((trx) =>
        applyApplicationTransition(deps, ctx, trx, {
          id: row.id,
          event: 'lapse',
          expectedVersion: row.version,
          actorSide: null,
          actorName: '期限管理（系统）',
          note: `申请期限已于${chineseDate(row.window_last_day)}届满，对方当事人未确认共同申请`,
        }),
      );
      await sendAfterCommit(deps, result.emails);
      lapsed += 1;
    } catch (error) {
      // Another instance or a party acted first: the next run sees the new state.
      if (!isAppError(error)) throw error;
    }
  }
  return { reminded, lapsed };
}
