import type { Deps } from '../../../deps.ts';
import { standingsOf } from '../../common/training/training-standings.ts';

interface MediatorItem {
  id: string;
  displayName: string;
  organizationName: string;
  specialties: string[];
  workstation: string | null;
}

/**
 * The public roster: active mediators of an organization (and its workstations), or all of them. Shows names,
 * organization and specialties only — no contact data. A mediator suspended for missing training hours (past the
 * grace period) is not on it until the hours are made up: they cannot be chosen or assigned.
 */
export async function listMediators(
  deps: Deps,
  input: { organizationId?: string | undefined },
): Promise<{ items: MediatorItem[] }> {
  let query = deps.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('organizations as org', 'org.id', 'users.organization_id')
    .leftJoin('organizations as parent', 'parent.id', 'org.parent_id')
    .leftJoin('mediator_profiles', 'mediator_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.display_name',
      'org.name as org_name',
      'org.kind as org_kind',
      'org.short_name as org_short_name',
      'parent.name as parent_name',
      'mediator_profiles.specialties',
      'mediator_profiles.listed',
      'users.created_at',
    ])
    .where('user_roles.role', '=', 'mediator')
    .where('users.disabled', '=', false);
  if (input.organizationId) {
    const orgId = input.organizationId;
    query = query.where((eb) => eb.or([eb('org.id', '=', orgId), eb('org.parent_id', '=', orgId)]));
  }
  const rows = (await query.orderBy('users.display_name').orderBy('users.id').execute()).filter(
    (r) => r.listed !== false,
  );
  const standings = await standingsOf(
    deps.db,
    rows.map((r) => ({ userId: r.id, role: 'mediator' as const, since: new Date(r.created_at) })),
    deps.now(),
  );
  return {
    items: rows
      .filter((r) => standings.get(r.id)?.assignable !== false)
      .map((r) => {
        const atWorkstation = r.org_kind === 'workstation';
        return {
          id: r.id,
          displayName: r.display_name,
          organizationName: atWorkstation ? (r.parent_name ?? r.org_name) : r.org_name,
          specialties: r.specialties ?? [],
          workstation: atWorkstation ? (r.org_short_name ?? r.org_name) : null,
        };
      }),
  };
}
