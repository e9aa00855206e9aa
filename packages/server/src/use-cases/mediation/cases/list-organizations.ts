import type { Deps } from '../../../deps.ts';

interface OrganizationItem {
  id: string;
  name: string;
  kind: string;
  firmType: string | null;
  region: string | null;
}

/** The respondent registry (kind=firm) and the mediation organizations (kind=mediation, with workstations). */
export async function listOrganizations(
  deps: Deps,
  input: { kind?: 'firm' | 'mediation' | undefined },
): Promise<{ items: OrganizationItem[] }> {
  const kinds =
    input.kind === 'firm'
      ? ['firm']
      : input.kind === 'mediation'
        ? ['mediation', 'workstation']
        : ['firm', 'mediation', 'workstation'];
  const rows = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'firm_type', 'region'])
    .where('kind', 'in', kinds as ('firm' | 'mediation' | 'workstation')[])
    .orderBy('kind')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      firmType: r.firm_type,
      region: r.region,
    })),
  };
}
