import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../common/require-permission.ts';
import { forgetPeers } from './peer-directory.ts';

/**
 * Ends a peer key's validity at `at` (default now): messages signed with it afterwards are refused as
 * KEY_NOT_VALID. Rotation without downtime = register the new key first, then retire the old one a little later.
 */
export async function retirePeerKey(
  deps: Deps,
  ctx: SignedInContext,
  input: { peerId: string; keyId: string; at?: string | undefined },
) {
  requirePermission(ctx, 'system.configure');
  const at = input.at ? new Date(input.at) : deps.now();
  if (Number.isNaN(at.getTime())) throw appError('VALIDATION_FAILED', { reason: 'at must be an ISO time' });
  await deps.db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom('docking_peer_keys')
      .select(['valid_from'])
      .where('peer_id', '=', input.peerId)
      .where('key_id', '=', input.keyId)
      .forUpdate()
      .executeTakeFirst();
    if (!key) throw appError('NOT_FOUND', { entity: { zh: '对接密钥', en: 'Peer key' } });
    const until = at <= new Date(key.valid_from) ? new Date(new Date(key.valid_from).getTime() + 1) : at;
    await trx
      .updateTable('docking_peer_keys')
      .set({ valid_until: until })
      .where('peer_id', '=', input.peerId)
      .where('key_id', '=', input.keyId)
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'docking.peer.retire-key',
        targetType: 'docking_peer',
        targetId: input.peerId,
        outcome: 'success',
        details: { keyId: input.keyId, validUntil: until.toISOString() },
      },
      deps.now(),
    );
  });
  forgetPeers(deps.db);
}
