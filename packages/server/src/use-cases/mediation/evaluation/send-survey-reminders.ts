import { sql } from 'kysely';
import {
  SURVEY_REMINDER_AFTER_DAYS,
  SURVEY_REMINDER_WINDOW_DAYS,
  SURVEY_STATES,
} from '@sutiao/domain/evaluation/survey.ts';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps } from '../../../deps.ts';
import { notifyUsers } from '../../common/notices/notify-user.ts';

type Side = 'investor' | 'respondent';
const DAY_MS = 86_400_000;

/**
 * Reminds each side of a mediation that ended SURVEY_REMINDER_AFTER_DAYS ago (and not longer ago than the window)
 * to answer the procedural-fairness survey, once, unless it already has: the investor and their agent, or the
 * respondent firm's staff. Each (case, side) is claimed by an insert that conflicts on repeat. Returns how many
 * sides were reminded.
 */
export async function sendSurveyReminders(deps: Deps, batch = 200): Promise<number> {
  const now = deps.now();
  const ripe = new Date(now.getTime() - SURVEY_REMINDER_AFTER_DAYS * DAY_MS);
  const oldest = new Date(now.getTime() - SURVEY_REMINDER_WINDOW_DAYS * DAY_MS);
  const ended = [...SURVEY_STATES];
  const { rows } = await sql<{ case_id: string; side: Side; case_number: string | null }>`
    with ends as (
      select e.case_id, min(e.at) as ended_at from case_events e
      where e.to_status in (${sql.join(ended)}) and e.at > ${oldest}
      group by e.case_id
    )
    select c.id as case_id, s.side, c.case_number
    from ends
    join cases c on c.id = ends.case_id
    cross join (values ('investor'), ('respondent')) as s (side)
    where ends.ended_at <= ${ripe}
      and c.status in (${sql.join(ended)}) and c.mediator_user_id is not null
      -- the mediation's first ending is the one that counts
      and not exists (select 1 from case_events p where p.case_id = c.id
                      and p.to_status in (${sql.join(ended)}) and p.at <= ${oldest})
      and not exists (select 1 from case_surveys a where a.case_id = c.id and a.side = s.side)
      and not exists (select 1 from survey_reminders r where r.case_id = c.id and r.side = s.side)
    order by ends.ended_at, c.id, s.side
    limit ${batch}`.execute(deps.db);
  let sent = 0;
  for (const row of rows) if (await remind(deps, row)) sent += 1;
  return sent;
}

async function remind(
  deps: Deps,
  row: { case_id: string; side: Side; case_number: string | null },
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('survey_reminders')
      .values({ case_id: row.case_id, side: row.side, sent_at: deps.now() })
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .executeTakeFirst();
    if (!claimed) return false;
    const c = await trx
      .selectFrom('cases')
      .select(['applicant_user_id', 'agent_user_id', 'respondent_org_id'])
      .where('id', '=', row.case_id)
      .executeTakeFirstOrThrow();
    const recipients =
      row.side === 'investor'
        ? [c.applicant_user_id, c.agent_user_id].filter((id): id is string => !!id)
        : (
            await trx
              .selectFrom('users')
              .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
              .select('users.id')
              .where('users.organization_id', '=', c.respondent_org_id)
              .where('user_roles.role', '=', 'respondent')
              .where('users.disabled', '=', false)
              .execute()
          ).map((u) => u.id);
    const title = `${row.case_number ?? '调解案件'}：调解已结束，请填写程序公正评价问卷`;
    await notifyUsers(
      trx,
      recipients.map((userId) => ({ userId, kind: 'survey.reminder', title, caseId: row.case_id })),
    );
    await appendAudit(
      trx,
      {
        requestId: `survey-reminders-${deps.now().toISOString()}`,
        actorRole: 'system',
        action: 'survey.reminder',
        targetType: 'case',
        targetId: row.case_id,
        outcome: 'success',
        details: { side: row.side, notified: recipients.length },
      },
      deps.now(),
    );
    return true;
  });
}
