import { addDays } from '@sutiao/domain/lifecycles/direct-application-referrals.ts';
import type { InboundHandler } from '../../docking/inbound-handler.ts';
import { fireFromCourt } from './court-transition.ts';
import { referredCaseOf } from './referred-case.ts';

/** The court grants an extension the parties consented to there: the period here moves by the same days. */
export const receiveCourtExtension: InboundHandler<'case.extension'> = async (deps, trx, message) => {
  const { days, consentNote } = message.body;
  const c = await trx
    .selectFrom('cases')
    .select('court_deadline_date')
    .where('id', '=', (await referredCaseOf(trx, message)).id)
    .executeTakeFirstOrThrow();
  await fireFromCourt(deps, trx, message, 'extend', {
    note: consentNote,
    input: { days, note: consentNote },
    changes: c.court_deadline_date ? { court_deadline_date: addDays(c.court_deadline_date, days) } : {},
  });
};
