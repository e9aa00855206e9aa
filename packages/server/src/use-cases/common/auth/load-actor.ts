import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { isRole, type Platform, type Role } from '@sutiao/domain/roles.ts';

export interface ActorProfile {
  actor: Actor;
  username: string;
  displayName: string;
  organizationName: string | null;
}

/** The user's roles as a JSON array, read in the same statement as the user (one round trip per lookup). */
export const rolesOfUser = (eb: ExpressionBuilder<DB, 'users'>) =>
  eb
    .selectFrom('user_roles')
    .select(sql<string[]>`coalesce(jsonb_agg(user_roles.role), '[]'::jsonb)`.as('roles'))
    .whereRef('user_roles.user_id', '=', 'users.id');

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  organization_id: string | null;
  organization_name: string | null;
  roles: unknown;
}

export function profileFromRow(row: ActorRow, platform: Platform): ActorProfile {
  const roles: Role[] = (Array.isArray(row.roles) ? row.roles : []).filter(isRole);
  return {
    actor: { userId: row.id, roles, organizationId: row.organization_id, platform },
    username: row.username,
    displayName: row.display_name,
    organizationName: row.organization_name,
  };
}

export async function loadActor(
  db: Kysely<DB>,
  userId: string,
  platform: Platform,
): Promise<ActorProfile | null> {
  const user = await db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select((eb) => [
      'users.id',
      'users.username',
      'users.display_name',
      'users.organization_id',
      'users.disabled',
      'organizations.name as organization_name',
      rolesOfUser(eb).as('roles'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  return profileFromRow(user, platform);
}
