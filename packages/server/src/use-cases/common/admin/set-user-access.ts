import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../require-permission.ts';

/**
 * The system administrator disables or re-enables an account, or lifts a sign-in lockout. Disabling ends the
 * account's sessions at once; nobody may disable their own account.
 */
export async function setUserAccess(
  deps: Deps,
  ctx: SignedInContext,
  input: { userId: string; action: 'disable' | 'enable' | 'unlock' },
) {
  requirePermission(ctx, 'user.manage');
  if (input.action === 'disable' && input.userId === ctx.actor.userId) throw appError('FORBIDDEN');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw appError('NOT_FOUND', { entity: { zh: '用户', en: 'User' } });
    if (input.action === 'unlock') {
      await trx.deleteFrom('login_failures').where('username', '=', user.username).execute();
    } else {
      const disabled = input.action === 'disable';
      await trx.updateTable('users').set({ disabled }).where('id', '=', user.id).execute();
      if (disabled) {
        await trx
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', user.id)
          .where('revoked_at', 'is', null)
          .execute();
      }
    }
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: `user.${input.action}`,
        targetType: 'user',
        targetId: user.id,
        outcome: 'success',
      },
      now,
    );
    return { userId: user.id, action: input.action };
  });
}
