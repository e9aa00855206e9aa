import type { InboundHandler } from '../../docking/inbound-handler.ts';
import { fireFromCourt } from './court-transition.ts';

/** The court withdraws its referral (撤回委派/委托): the case ends as withdrawn, with the court's reason. */
export const receiveCourtWithdrawal: InboundHandler<'case.withdrawal'> = (deps, trx, message) =>
  fireFromCourt(deps, trx, message, 'court-withdraw', {
    note: message.body.reason,
    changes: { closing_reason: message.body.reason },
  });
