import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import {
  assertRolesOnPlatform,
  assertSeparationOfDuties,
  isAdminRole,
  isRole,
  type Role,
} from '@sutiao/domain/roles.ts';
import { requirePermission } from '../require-permission.ts';

/**
 * The security administrator sets a user's roles. Nobody may change their own roles (no self-escalation),
 * and the three administrator duties can never meet in one account.
 */
export async function setUserRoles(
  deps: Deps,
  ctx: SignedInContext,
  input: { userId: string; roles: string[] },
) {
  requirePermission(ctx, 'role.grant');
  const roles = [...new Set(input.roles)];
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0)
    throw appError('VALIDATION_FAILED', { reason: `unknown roles: ${unknown.join(', ')}` });
  const wanted = roles as Role[];
  assertRolesOnPlatform(wanted, deps.platform);
  assertSeparationOfDuties(wanted);
  if (input.userId === ctx.actor.userId) throw appError('FORBIDDEN');
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw appError('NOT_FOUND', { entity: 'user' });
    const before = (
      await trx.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()
    ).map((r) => r.role);
    // Granting an administrator duty is a security decision of its own: record it as such.
    const adminChange = wanted.some((r) => isAdminRole(r) && !before.includes(r));
    await trx.deleteFrom('user_roles').where('user_id', '=', user.id).execute();
    if (wanted.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(wanted.map((role) => ({ user_id: user.id, role, granted_by: ctx.actor.userId })))
        .execute();
    }
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: adminChange ? 'user.roles.set.admin-duty' : 'user.roles.set',
        targetType: 'user',
        targetId: user.id,
        outcome: 'success',
        details: { before, after: wanted },
      },
      deps.now(),
    );
    return { userId: user.id, roles: wanted };
  });
}
