import type { SignedInContext } from '../../../deps.ts';
import { systemActor } from '@sutiao/domain/system-actors.ts';
import type { InboundMessage } from '../../docking/inbound-handler.ts';

/** The court acting on a case through the link: the system's court-link user, under the message's id. */
export const courtLinkContext = (message: InboundMessage): SignedInContext => ({
  actor: systemActor('courtLink', 'mediation'),
  requestId: message.messageId,
  actorRole: 'court-link',
});

/** The case a court's message is about: looked up by the sending peer and the court's case reference. */
export const referralKey = (message: InboundMessage) => ({
  peerId: message.senderId,
  caseRef: message.caseRef ?? '',
});
