import type { Kysely } from 'kysely';
import { whenChainLocked } from '../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import { yearOf } from '@sutiao/domain/calendar/dates.ts';
import { formatMediationCaseNumber } from '@sutiao/domain/case-number.ts';
import { type UserNotice, noticesInsert } from '../../common/notices/notify-user.ts';
import { nextNumberQuery, numberingOf } from './allocate-case-number.ts';
import type { LoadedCase } from './load-case.ts';

/** Stands for the case number in notices written before it is known; replaced before anything is stored or sent. */
export const PENDING_CASE_NUMBER = '\u2063案号\u2063';

/**
 * Gives the case its number at the very end of the transaction (issue 2): the sequence row is locked from the
 * allocation to the commit, so everything that does not need the number is written before. The allocation runs
 * with the audit chain's lock held (`whenChainLocked`; the chain is serialized anyway) in one statement that also
 * reads the chain head; the case's number and the notices quoting it go in the statement that appends the audit
 * records. Then the commit. Gapless: the number is taken in the same transaction, and given back if it rolls back.
 * Fills in `c.case_number`, `details.caseNumber` (hashed afterwards) and the notices and e-mails.
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
  await whenChainLocked(trx, async (locked, head) => {
    const row = await locked
      .with('next', () => nextNumberQuery(locked, numbering, year))
      .selectFrom('next')
      .leftJoin(head.as('head'), (join) => join.onTrue())
      .select(['next.last', 'head.seq', 'head.hash'])
      .executeTakeFirstOrThrow();
    const caseNumber = formatMediationCaseNumber({ year, orgPrefix: prefix, seq: row.last });
    c.case_number = caseNumber;
    details.caseNumber = caseNumber;
    const quote = (text: string) => text.replaceAll(PENDING_CASE_NUMBER, caseNumber);
    for (const m of notices.messages) Object.assign(m, { title: quote(m.title), body: quote(m.body ?? '') });
    for (const e of notices.emails) Object.assign(e, { subject: quote(e.subject), body: quote(e.body) });
    const setNumber = locked.updateTable('cases').set({ case_number: caseNumber }).where('id', '=', c.id);
    return {
      head: row.seq === null || row.hash === null ? undefined : { seq: row.seq, hash: row.hash },
      writes:
        notices.messages.length > 0 ? [setNumber, noticesInsert(locked, notices.messages)] : [setNumber],
    };
  });
}
