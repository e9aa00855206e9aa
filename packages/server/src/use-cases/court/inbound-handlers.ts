import type { InboundHandlers } from '../docking/inbound-handler.ts';

/** The court platform's handlers of the organization's messages (receipt, decline, extension, progress, report). */
export const COURT_INBOUND_HANDLERS: InboundHandlers = {};
