import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import { yearOf } from '@sutiao/domain/calendar/dates.ts';
import { formatMediationCaseNumber } from '@sutiao/domain/case-number.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { type UserNotice, noticesInsert } from '../../common/notices/notify-user.ts';
import type { LoadedCase } from './load-case.ts';

/** Stands for the case number in notices written before it is known; replaced before anything is stored or sent. */
export const PENDING_CASE_NUMBER = '\u2063案号\u2063';

/**
 * Gives the case its number at the very end of the transaction: the (organization, year) counter row is locked from
 * the allocation to the commit, so everything that does not need the number is written before, and after it come
 * only the case's number with the notices quoting it (one statement), the transition's audit record and the commit.
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
  const { numbering, prefix } = await numberingOf(trx, c.organization_id);
  const year = yearOf(today);
  const { last } = await nextNumberQuery(trx, numbering, year).executeTakeFirstOrThrow();
  const caseNumber = formatMediationCaseNumber({ year, orgPrefix: prefix, seq: last });
  c.case_number = caseNumber;
  details.caseNumber = caseNumber;
  const quote = (text: string) => text.replaceAll(PENDING_CASE_NUMBER, caseNumber);
  for (const m of notices.messages) Object.assign(m, { title: quote(m.title), body: quote(m.body ?? '') });
  for (const e of notices.emails) Object.assign(e, { subject: quote(e.subject), body: quote(e.body) });
  // One round trip while the counter row is locked: the notices ride along as a data-modifying CTE.
  const messages = notices.messages;
  if (messages.length === 0)
    await trx.updateTable('cases').set({ case_number: caseNumber }).where('id', '=', c.id).execute();
  else
    await trx
      .with('notices', () => noticesInsert(trx, messages))
      .updateTable('cases')
      .set({ case_number: caseNumber })
      .where('id', '=', c.id)
      .execute();
}

/** The sequence a case of the organization is numbered in, and its prefix: workstations number under their center. */
export async function numberingOf(
  trx: Kysely<DB>,
  organizationId: string,
): Promise<{ numbering: string; prefix: string }> {
  const org = await trx
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.code', 'o.parent_id', 'parent.code as parent_code'])
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  const numbering = org?.code ? organizationId : org?.parent_id;
  const prefix = org?.code ? org.code : numbering ? org?.parent_code : null;
  if (!numbering || !prefix) {
    throw appError('VALIDATION_FAILED', {
      reason: {
        zh: `机构 ${organizationId} 未设置案号代字`,
        en: `organization ${organizationId} has no case-number prefix`,
      },
    });
  }
  return { numbering, prefix };
}

/** Upsert…returning of the counter row: takes the row's lock until commit; a rollback gives the number back. */
function nextNumberQuery(trx: Kysely<DB>, numbering: string, year: number) {
  return trx
    .insertInto('case_number_sequences')
    .values({ organization_id: numbering, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'year'])
        .doUpdateSet((eb) => ({ last: eb('case_number_sequences.last', '+', 1) })),
    )
    .returning('last');
}
