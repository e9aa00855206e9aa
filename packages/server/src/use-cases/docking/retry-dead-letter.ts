import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../common/require-permission.ts';

/**
 * Puts a dead letter back in the outbox for delivery (after the administrator fixed what stopped it: the peer's
 * address, its keys). A message the peer rejected is not retried: the same message would be rejected again.
 */
export async function retryDeadLetter(deps: Deps, ctx: SignedInContext, messageId: string): Promise<void> {
  requirePermission(ctx, 'docking.monitor');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('docking_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: deps.now(), lease_until: null })
      .where('message_id', '=', messageId)
      .where('status', '=', 'dead')
      .returning('message_id')
      .executeTakeFirst();
    if (!updated) throw appError('NOT_FOUND', { entity: { zh: '待重发的对接消息', en: 'Dead letter' } });
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'docking.retry',
        targetType: 'docking_message',
        targetId: messageId,
        outcome: 'success',
      },
      deps.now(),
    );
  });
}
