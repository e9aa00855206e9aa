import type { Deps } from '../../../deps.ts';

/** The regulator's office: a regional office (派出机构) has a parent (the bureau) and a region. */
export async function regulatorOffice(deps: Deps, organizationId: string | null) {
  if (!organizationId) return undefined;
  const office = await deps.db
    .selectFrom('organizations')
    .select(['parent_id', 'region'])
    .where('id', '=', organizationId)
    .where('kind', '=', 'regulator')
    .executeTakeFirst();
  return office
    ? { regional: office.parent_id !== null && office.region !== null, region: office.region }
    : undefined;
}
