import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';

/**
 * Accounts with their roles and any sign-in lockout, for the system administrator (accounts) and security
 * administrator (roles), with the organizations an account can belong to.
 */
export async function listUsers(deps: Deps, ctx: SignedInContext) {
  if (!isAuthorized(ctx.actor, 'user.manage') && !isAuthorized(ctx.actor, 'role.grant'))
    throw appError('FORBIDDEN');
  const users = await deps.db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('login_failures', 'login_failures.username', 'users.username')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.disabled',
      'organizations.name as org',
      'login_failures.locked_until',
    ])
    .orderBy('users.username')
    .execute();
  const roles = await deps.db.selectFrom('user_roles').select(['user_id', 'role']).execute();
  const organizations = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind'])
    .orderBy('kind')
    .orderBy('name')
    .execute();
  const now = deps.now();
  return {
    items: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      organizationName: u.org,
      disabled: u.disabled,
      lockedUntil:
        u.locked_until && new Date(u.locked_until) > now ? new Date(u.locked_until).toISOString() : null,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    })),
    organizations,
  };
}
