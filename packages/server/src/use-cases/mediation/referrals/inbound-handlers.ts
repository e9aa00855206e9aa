import type { InboundHandlers } from '../../docking/inbound-handler.ts';
import { receiveCourtExtension } from './receive-court-extension.ts';
import { receiveCourtWithdrawal } from './receive-court-withdrawal.ts';
import { receiveFilingNotice } from './receive-filing-notice.ts';
import { receiveReferral } from './receive-referral.ts';

/** The mediation platform's handlers of a court's messages. */
export const MEDIATION_INBOUND_HANDLERS: InboundHandlers = {
  'case.delegate': receiveReferral,
  'case.entrust': receiveReferral,
  'case.withdrawal': receiveCourtWithdrawal,
  'case.extension': receiveCourtExtension,
  'case.filing-notice': receiveFilingNotice,
};
