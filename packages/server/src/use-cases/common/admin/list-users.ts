import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';

/** Accounts with their roles, for the system administrator (accounts) and security administrator (roles). */
export async function listUsers(deps: Deps, ctx: SignedInContext) {
  if (!isAuthorized(ctx.actor, 'user.manage') && !isAuthorized(ctx.actor, 'role.grant'))
    throw appError('FORBIDDEN');
  const users = await deps.db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.disabled',
      'organizations.name as org',
    ])
    .orderBy('users.username')
    .execute();
  const roles = await deps.db.selectFrom('user_roles').select(['user_id', 'role']).execute();
  return {
    items: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      organizationName: u.org,
      disabled: u.disabled,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    })),
  };
}
