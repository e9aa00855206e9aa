import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import { yearOf } from '@sutiao/domain/calendar/dates.ts';
import { formatMediationCaseNumber } from '@sutiao/domain/case-number.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { newId } from '../../../lib/ids.ts';
import type { UserNotice } from '../../common/notices/notify-user.ts';
import type { LoadedCase } from './load-case.ts';

/** Stands for the case number in notices written before it is known; replaced before anything is stored or sent. */
export const PENDING_CASE_NUMBER = '\u2063案号\u2063';

/**
 * Gives the case its number at the very end of the transaction: the (organization, year) counter row is locked from
 * the allocation to the commit, so everything that does not need the number is written before, and after it come
 * only the transition's audit record and the commit.
 * Gapless and in order per sequence: the number is taken in the same transaction, and given back if it rolls back.
 * Nothing else is serialized: other organizations' submissions, and every other audited write, do not wait.
 * Fills in `c.case_number`, `details.caseNumber` (hashed when the audit record is appended) and the notices and e-mails.
 */
export async function numberCaseAtEnd(
  trx: Kysely<DB>,
  c: LoadedCase,
  today: string,
  notices: { messages: UserNotice[]; emails: Notification[] },
  details: Record<string, unknown>,
): Promise<void> {
  const year = yearOf(today);
  const messages = notices.messages;
  // One round trip holds the lock until the commit: find the sequence (workstations number under their center), take
  // the next number, write it on the case and put the notices quoting it, all as one statement (data-modifying
  // CTEs). The text is built in SQL to spare a round trip, then checked against the domain's formatter: a mismatch
  // rolls everything back.
  const { rows } = await sql<{ last: number; case_number: string; prefix: string }>`
    with numbering as (
      select case when o.code is not null then o.id else o.parent_id end as organization_id,
             coalesce(o.code, parent.code) as prefix
      from organizations o left join organizations parent on parent.id = o.parent_id
      where o.id = ${c.organization_id}
    ), next as (
      insert into case_number_sequences (organization_id, year, last)
      select organization_id, ${year}, 1 from numbering where organization_id is not null and prefix is not null
      on conflict (organization_id, year) do update set last = case_number_sequences.last + 1
      returning last
    ), numbered as (
      select next.last, numbering.prefix, '(' || ${String(year)}::text || ')' || numbering.prefix || '字第'
        || lpad(next.last::text, greatest(6, length(next.last::text)), '0') || '号' as case_number
      from next, numbering
    ), set_number as (
      update cases set case_number = numbered.case_number from numbered where cases.id = ${c.id} returning cases.id
    ), notices as (
      insert into user_notices (id, user_id, kind, title, body, case_id)
      select n.id, n.user_id, n.kind, replace(n.title, ${PENDING_CASE_NUMBER}::text, numbered.case_number),
             replace(n.body, ${PENDING_CASE_NUMBER}::text, numbered.case_number), n.case_id
      from unnest(${messages.map(() => newId())}::text[], ${messages.map((m) => m.userId)}::text[],
                  ${messages.map((m) => m.kind)}::text[], ${messages.map((m) => m.title)}::text[],
                  ${messages.map((m) => m.body ?? '')}::text[], ${messages.map((m) => m.caseId ?? null)}::text[])
           as n(id, user_id, kind, title, body, case_id), numbered
      returning 1
    )
    select last, case_number, prefix from numbered`.execute(trx);
  const row = rows[0];
  if (!row) throw noPrefix(c.organization_id);
  const caseNumber = formatMediationCaseNumber({ year, orgPrefix: row.prefix, seq: Number(row.last) });
  if (row.case_number !== caseNumber) throw appError('INTERNAL');
  c.case_number = caseNumber;
  details.caseNumber = caseNumber;
  const quote = (text: string) => text.replaceAll(PENDING_CASE_NUMBER, caseNumber);
  for (const m of messages) Object.assign(m, { title: quote(m.title), body: quote(m.body ?? '') });
  for (const e of notices.emails) Object.assign(e, { subject: quote(e.subject), body: quote(e.body) });
}

function noPrefix(organizationId: string) {
  return appError('VALIDATION_FAILED', {
    reason: {
      zh: `机构 ${organizationId} 未设置案号代字`,
      en: `organization ${organizationId} has no case-number prefix`,
    },
  });
}
