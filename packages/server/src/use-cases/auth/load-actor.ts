import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Actor } from '../../domain/permissions.ts';
import { isRole, type Platform, type Role } from '../../domain/roles.ts';

export interface ActorProfile {
  actor: Actor;
  username: string;
  displayName: string;
  organizationName: string | null;
}

export async function loadActor(
  db: Kysely<DB>,
  userId: string,
  platform: Platform,
): Promise<ActorProfile | null> {
  const user = await db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.organization_id',
      'users.disabled',
      'organizations.name as organization_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const roleRows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  const roles: Role[] = roleRows.map((r) => r.role).filter(isRole);
  return {
    actor: { userId: user.id, roles, organizationId: user.organization_id, platform },
    username: user.username,
    displayName: user.display_name,
    organizationName: user.organization_name,
  };
}
