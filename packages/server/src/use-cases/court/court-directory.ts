import type { Kysely } from 'kysely';
import type { DirectoryMediator, DirectoryWorkstation } from '../../adapters/db/docking-schema.ts';
import type { DB } from '../../adapters/db/schema.ts';
import { appError } from '@sutiao/domain/errors.ts';

export interface DirectoryEntry {
  peerId: string;
  organizationId: string;
  name: string;
  region: string | null;
  workstations: DirectoryWorkstation[];
  mediators: DirectoryMediator[];
  publishedAt: string;
}

const parsed = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);

/** The mediation organizations the synced directory lists, through active peers only. */
export async function directoryEntries(db: Kysely<DB>, organizationId?: string): Promise<DirectoryEntry[]> {
  let query = db
    .selectFrom('docking_directory as d')
    .innerJoin('docking_peers as p', 'p.id', 'd.peer_id')
    .select([
      'd.peer_id',
      'd.organization_id',
      'd.name',
      'd.region',
      'd.workstations',
      'd.mediators',
      'd.published_at',
    ])
    .where('p.active', '=', true)
    .where('p.platform', '=', 'mediation');
  if (organizationId !== undefined) query = query.where('d.organization_id', '=', organizationId);
  const rows = await query.orderBy('d.name').orderBy('d.organization_id').execute();
  return rows.map((r) => ({
    peerId: r.peer_id,
    organizationId: r.organization_id,
    name: r.name,
    region: r.region,
    workstations: parsed<DirectoryWorkstation[]>(r.workstations),
    mediators: parsed<DirectoryMediator[]>(r.mediators),
    publishedAt: new Date(r.published_at).toISOString(),
  }));
}

/** The organization (and mediator, when one is suggested) a referral goes to; COURT_DIRECTORY_UNKNOWN otherwise. */
export async function chosenOrganization(
  db: Kysely<DB>,
  organizationId: string,
  mediatorId: string | null | undefined,
): Promise<{ entry: DirectoryEntry; mediator: DirectoryMediator | null }> {
  const [entry] = await directoryEntries(db, organizationId);
  if (!entry) throw appError('COURT_DIRECTORY_UNKNOWN', { entity: { zh: '调解组织', en: 'organization' } });
  if (!mediatorId) return { entry, mediator: null };
  const mediator = entry.mediators.find((m) => m.id === mediatorId);
  if (!mediator) throw appError('COURT_DIRECTORY_UNKNOWN', { entity: { zh: '调解员', en: 'mediator' } });
  return { entry, mediator };
}
