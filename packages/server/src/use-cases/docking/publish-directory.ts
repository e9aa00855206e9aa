import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps } from '../../deps.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { DockingBody } from '@sutiao/domain/docking/message-bodies.ts';

type Directory = DockingBody<'directory.sync'>;

/** The public directory: every mediation organization and workstation, with its listed mediators. */
async function buildDirectory(db: Kysely<DB>, at: Date): Promise<Directory> {
  const [orgs, mediators] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region', 'parent_id'])
      .where('kind', 'in', ['mediation', 'workstation'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('mediator_profiles', 'mediator_profiles.user_id', 'users.id')
      .select(['users.id', 'users.display_name', 'users.organization_id', 'mediator_profiles.specialties'])
      .where('user_roles.role', '=', 'mediator')
      .where('mediator_profiles.listed', '=', true)
      .where('users.disabled', '=', false)
      .orderBy('users.id')
      .execute(),
  ]);
  return {
    publishedAt: at.toISOString(),
    organizations: orgs.map((org) => ({
      id: org.id,
      name: org.name,
      region: org.region,
      workstations: orgs.filter((w) => w.parent_id === org.id).map((w) => ({ id: w.id, name: w.name })),
      mediators: mediators
        .filter((m) => m.organization_id === org.id)
        .map((m) => ({ id: m.id, name: m.display_name, specialties: (m.specialties ?? []).slice(0, 20) })),
    })),
  };
}

const withoutTime = (d: Directory) => canonicalJson({ ...d, publishedAt: '' });

/**
 * The mediation platform publishes its directory to every registered court platform, when it changed since the
 * last one sent there (scheduled, and after a peer is registered). A message like any other: outbox, relay, receipt.
 */
export async function publishDirectory(deps: Deps): Promise<{ sentTo: string[] }> {
  if (deps.platform !== 'mediation') return { sentTo: [] };
  const directory = await buildDirectory(deps.db, deps.now());
  const courts = await deps.db
    .selectFrom('docking_peers')
    .select('id')
    .where('platform', '=', 'court')
    .where('active', '=', true)
    .execute();
  const sentTo: string[] = [];
  for (const { id } of courts) {
    await deps.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('docking_outbox')
        .select('body')
        .where('peer_id', '=', id)
        .where('type', '=', 'directory.sync')
        .where('status', 'in', ['pending', 'delivered'])
        .orderBy('sequence', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last && withoutTime(last.body as Directory) === withoutTime(directory)) return;
      await deps.outbox.enqueue(trx, [
        { type: 'directory.sync', peerId: id, caseRef: null, body: directory },
      ]);
      sentTo.push(id);
    });
  }
  return { sentTo };
}
