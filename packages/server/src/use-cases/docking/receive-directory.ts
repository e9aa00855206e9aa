import type { InboundHandler } from './inbound-handler.ts';

/**
 * The court's copy of the mediation platform's public directory: a sync replaces that peer's rows (an
 * organization no longer published disappears from the court's choices; cases already delegated keep their ids).
 */
export const receiveDirectory: InboundHandler<'directory.sync'> = async (_deps, trx, message) => {
  const { organizations, publishedAt } = message.body;
  await trx.deleteFrom('docking_directory').where('peer_id', '=', message.senderId).execute();
  if (organizations.length === 0) return;
  await trx
    .insertInto('docking_directory')
    .values(
      organizations.map((org) => ({
        peer_id: message.senderId,
        organization_id: org.id,
        name: org.name,
        region: org.region,
        workstations: JSON.stringify(org.workstations),
        mediators: JSON.stringify(org.mediators),
        published_at: publishedAt,
      })),
    )
    .execute();
};
