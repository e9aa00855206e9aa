import type { InboundHandler } from '../../docking/inbound-handler.ts';
import { fireFromCourt } from './court-transition.ts';

/** The court grants an extension the parties consented to there: the period here ends on the court's new date. */
export const receiveCourtExtension: InboundHandler<'case.extension'> = (deps, trx, message) => {
  const { days, consentNote, newDeadlineDate } = message.body;
  return fireFromCourt(deps, trx, message, 'extend', {
    note: consentNote,
    input: { days, note: consentNote, dueDate: newDeadlineDate },
    changes: { court_deadline_date: newDeadlineDate },
  });
};
