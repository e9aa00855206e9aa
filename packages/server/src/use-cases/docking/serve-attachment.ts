import { getIntact } from '../../adapters/storage/get-intact.ts';
import type { Deps } from '../../deps.ts';
import { FRESHNESS_MS } from '@sutiao/domain/docking/protocol.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { attachmentRequestText } from './attachment-request.ts';
import type { SignedFetch } from './docking-link.ts';
import { activeSender, registeredPeers } from './peer-directory.ts';

const refused = () => appError('FORBIDDEN');

/**
 * A peer fetches a file it was offered for a case (a complaint, evidence, an agreement PDF): the request must be
 * signed by a registered key of that peer, fresh, and name a file offered to that peer for that case.
 */
export async function serveAttachment(deps: Deps, request: SignedFetch): Promise<Buffer> {
  const peers = await registeredPeers(deps.db);
  const sender = activeSender(peers, request.senderId);
  const key = sender?.keys.find((k) => k.keyId === request.keyId && k.algorithm === request.algorithm);
  const at = new Date(request.createdAt);
  const now = deps.now();
  if (!sender || !key || Number.isNaN(at.getTime())) throw refused();
  if (Math.abs(at.getTime() - now.getTime()) > FRESHNESS_MS) throw refused();
  if (at < key.validFrom || (key.validUntil !== null && at >= key.validUntil)) throw refused();
  if (
    !deps.docking.crypto.verify(
      key.algorithm,
      key.publicKeyPem,
      attachmentRequestText(request),
      request.signature,
    )
  ) {
    throw refused();
  }
  const offered = await deps.db
    .selectFrom('docking_attachments')
    .select('sha256')
    .where('peer_id', '=', request.senderId)
    .where('case_ref', '=', request.caseRef)
    .where('sha256', '=', request.sha256)
    .executeTakeFirst();
  if (!offered) throw refused();
  const bytes = await getIntact(deps.storage, request.sha256);
  if (!bytes) throw appError('NOT_FOUND', { entity: { zh: '附件', en: 'Attachment' } });
  return bytes;
}
