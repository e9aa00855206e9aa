import { createHash } from 'node:crypto';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import { getIntact } from '../../adapters/storage/get-intact.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../common/require-permission.ts';
import { loadReadableCase } from '../mediation/cases/case-access.ts';
import { attachmentRequestText } from './attachment-request.ts';
import { attachmentsIn } from './attachments-in.ts';
import { registeredPeers } from './peer-directory.ts';

const notFound = () => appError('NOT_FOUND', { entity: { zh: '附件', en: 'Attachment' } });

/**
 * A file the peer named in a message of this case, for a user allowed to read the case: fetched from the peer
 * once (a signed request), checked against both hashes the signed message gave, kept in this platform's store.
 */
export async function fetchPeerAttachment(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseRef: string; sha256: string },
): Promise<{ bytes: Buffer; attachment: Attachment }> {
  if (deps.platform === 'court') requirePermission(ctx, 'court.case.read');
  else {
    // The link's case is a court referral (its caseRef) or a judicial confirmation application (its id).
    const c =
      (await deps.db
        .selectFrom('cases')
        .select('id')
        .where('court_case_ref', '=', input.caseRef)
        .executeTakeFirst()) ??
      (await deps.db
        .selectFrom('confirmation_applications')
        .select('case_id as id')
        .where('id', '=', input.caseRef)
        .executeTakeFirst());
    await loadReadableCase(deps.db, ctx.actor, c?.id ?? '');
  }
  const messages = await deps.db
    .selectFrom('docking_inbox')
    .select(['sender_id', 'envelope'])
    .where('case_ref', '=', input.caseRef)
    .where('status', '=', 'applied')
    .execute();
  let found: { senderId: string; attachment: Attachment } | undefined;
  for (const m of messages) {
    const attachment = attachmentsIn(m.envelope.body).find((a) => a.sha256 === input.sha256);
    if (attachment) found = { senderId: m.sender_id, attachment };
  }
  if (!found) throw notFound();
  const stored = await getIntact(deps.storage, input.sha256);
  if (stored) return { bytes: stored, attachment: found.attachment };
  const peer = (await registeredPeers(deps.db)).get(found.senderId);
  if (!peer) throw notFound();
  const { signer } = deps.docking;
  const unsigned = {
    senderId: deps.docking.platformId,
    caseRef: input.caseRef,
    sha256: input.sha256,
    createdAt: deps.now().toISOString(),
    keyId: signer.keyId,
    algorithm: signer.algorithm,
  };
  const answer = await deps.docking.client
    .fetchAttachment(peer.baseUrl, { ...unsigned, signature: signer.sign(attachmentRequestText(unsigned)) })
    .catch(() => ({ status: 0, bytes: null }));
  if (!answer.bytes) throw appError('DOCKING_PEER_UNAVAILABLE');
  const bytes = Buffer.from(answer.bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== found.attachment.sha256 || sm3Hex(bytes) !== found.attachment.sm3) {
    throw appError('DOCKING_ATTACHMENT_MISMATCH');
  }
  await deps.storage.put(bytes);
  return { bytes, attachment: found.attachment };
}
