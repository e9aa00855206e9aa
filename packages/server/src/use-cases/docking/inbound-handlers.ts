import type { Platform } from '@sutiao/domain/roles.ts';
import { CONFIRMATION_COURT_HANDLERS } from '../court/confirmation/inbound-handlers.ts';
import { COURT_INBOUND_HANDLERS } from '../court/inbound-handlers.ts';
import { CONFIRMATION_INBOUND_HANDLERS } from '../mediation/confirmation/inbound-handlers.ts';
import { MEDIATION_INBOUND_HANDLERS } from '../mediation/referrals/inbound-handlers.ts';
import type { InboundHandlers } from './inbound-handler.ts';
import { receiveDirectory } from './receive-directory.ts';
import { receiveReconciliation } from './receive-reconciliation.ts';

/** Which handler applies each message type, per receiving platform. */
const HANDLERS: Record<Platform, InboundHandlers> = {
  court: {
    ...COURT_INBOUND_HANDLERS,
    ...CONFIRMATION_COURT_HANDLERS,
    'directory.sync': receiveDirectory,
    'link.reconciliation': receiveReconciliation,
  },
  mediation: {
    ...MEDIATION_INBOUND_HANDLERS,
    ...CONFIRMATION_INBOUND_HANDLERS,
    'link.reconciliation': receiveReconciliation,
  },
};

export const inboundHandlersFor = (platform: Platform): InboundHandlers => HANDLERS[platform];
