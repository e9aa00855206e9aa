import type { Deps, SignedInContext } from '../../deps.ts';
import { requirePermission } from '../common/require-permission.ts';

/** The registered peers with their keys and the link's health towards each (pending, failed, last delivery). */
export async function listPeers(deps: Deps, ctx: SignedInContext) {
  requirePermission(ctx, 'docking.monitor');
  const [peers, keys, counts] = await Promise.all([
    deps.db.selectFrom('docking_peers').selectAll().orderBy('id').execute(),
    deps.db.selectFrom('docking_peer_keys').selectAll().orderBy('valid_from').execute(),
    deps.db
      .selectFrom('docking_outbox')
      .select([
        'peer_id',
        'status',
        (eb) => eb.fn.countAll<string>().as('n'),
        (eb) => eb.fn.max('delivered_at').as('last'),
      ])
      .groupBy(['peer_id', 'status'])
      .execute(),
  ]);
  const now = deps.now();
  return {
    platformId: deps.docking.platformId,
    items: peers.map((p) => {
      const mine = counts.filter((c) => c.peer_id === p.id);
      const count = (status: string) => Number(mine.find((c) => c.status === status)?.n ?? 0);
      const last = mine.map((c) => c.last).filter(Boolean) as Array<Date | string>;
      return {
        id: p.id,
        platform: p.platform,
        name: p.name,
        baseUrl: p.base_url,
        active: p.active,
        pending: count('pending'),
        delivered: count('delivered'),
        failed: count('rejected') + count('dead'),
        lastDeliveredAt: last.length
          ? new Date(Math.max(...last.map((d) => new Date(d).getTime()))).toISOString()
          : null,
        keys: keys
          .filter((k) => k.peer_id === p.id)
          .map((k) => ({
            keyId: k.key_id,
            algorithm: k.algorithm,
            validFrom: new Date(k.valid_from).toISOString(),
            validUntil: k.valid_until ? new Date(k.valid_until).toISOString() : null,
            current:
              new Date(k.valid_from) <= now && (k.valid_until === null || new Date(k.valid_until) > now),
          })),
      };
    }),
  };
}
