import type { SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized, type Permission } from '@sutiao/domain/permissions.ts';

/** The first line of a use case: the actor's roles must grant the permission on this platform. */
export function requirePermission(ctx: SignedInContext, permission: Permission): void {
  if (!isAuthorized(ctx.actor, permission)) throw appError('FORBIDDEN');
}
