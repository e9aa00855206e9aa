import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

/** How often an instance says it is alive, and how long that holds: a silent host is replaced within ~15 s. */
export const SIGNALING_HEARTBEAT = { everyMs: 5_000, aliveMs: 15_000 } as const;

/** Leftovers older than this are swept: spilled frames nobody read, instances long gone (and closed sessions' rooms). */
const SWEEP_AFTER = '1 hour';

/** The instance says it is alive (the database's clock: instances' own clocks may differ). */
export async function heartbeat(db: Kysely<DB>, instanceId: string): Promise<void> {
  const until = sql<Date>`now() + ${`${SIGNALING_HEARTBEAT.aliveMs} milliseconds`}::interval`;
  await db
    .insertInto('signaling_instances')
    .values({ id: instanceId, alive_until: until })
    .onConflict((oc) => oc.column('id').doUpdateSet({ alive_until: until }))
    .execute();
}

/**
 * Makes `instanceId` the host of a session unless another live instance already hosts it; returns the host. Two
 * instances claiming at once meet on the row's lock, and one of them wins.
 */
export async function claimHost(db: Kysely<DB>, sessionId: string, instanceId: string): Promise<string> {
  const won = await db
    .insertInto('signaling_hosts')
    .values({ session_id: sessionId, instance_id: instanceId })
    .onConflict((oc) =>
      oc
        .column('session_id')
        .doUpdateSet({ instance_id: instanceId })
        .where((eb) =>
          eb.or([
            eb('signaling_hosts.instance_id', '=', instanceId),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('signaling_instances as i')
                  .select('i.id')
                  .whereRef('i.id', '=', 'signaling_hosts.instance_id')
                  .where('i.alive_until', '>', sql<Date>`now()`),
              ),
            ),
          ]),
        ),
    )
    .returning('instance_id')
    .executeTakeFirst();
  if (won) return won.instance_id;
  const held = await db
    .selectFrom('signaling_hosts')
    .select('instance_id')
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return held.instance_id;
}

/** The live host of a session, if any. */
export async function liveHostOf(db: Kysely<DB>, sessionId: string): Promise<string | null> {
  return (await liveHosts(db, [sessionId])).get(sessionId) ?? null;
}

/** The live hosts of sessions, by session id (a session whose host went silent is missing). */
export async function liveHosts(db: Kysely<DB>, sessionIds: readonly string[]): Promise<Map<string, string>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signaling_hosts as h')
    .innerJoin('signaling_instances as i', 'i.id', 'h.instance_id')
    .select(['h.session_id', 'h.instance_id'])
    .where('h.session_id', 'in', [...sessionIds])
    .where('i.alive_until', '>', sql<Date>`now()`)
    .execute();
  return new Map(rows.map((r) => [r.session_id, r.instance_id]));
}

/** Which of these instances are alive. */
export async function aliveInstances(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('signaling_instances')
    .select('id')
    .where('id', 'in', [...ids])
    .where('alive_until', '>', sql<Date>`now()`)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The instance gives up hosting sessions (all of them, when it stops). */
export async function releaseHosts(
  db: Kysely<DB>,
  instanceId: string,
  sessionIds: readonly string[] | 'all',
): Promise<void> {
  let q = db.deleteFrom('signaling_hosts').where('instance_id', '=', instanceId);
  if (sessionIds !== 'all') {
    if (sessionIds.length === 0) return;
    q = q.where('session_id', 'in', [...sessionIds]);
  }
  await q.execute();
}

/** The instance stops: it is no longer alive, and hosts nothing. */
export async function retireInstance(db: Kysely<DB>, instanceId: string): Promise<void> {
  await releaseHosts(db, instanceId, 'all');
  await db.deleteFrom('signaling_instances').where('id', '=', instanceId).execute();
}

/** Sweeps spilled frames nobody read and instances long silent. */
export async function sweepSignaling(db: Kysely<DB>): Promise<void> {
  const before = sql<Date>`now() - ${SWEEP_AFTER}::interval`;
  await db.deleteFrom('signaling_spill').where('created_at', '<', before).execute();
  await db
    .deleteFrom('signaling_hosts')
    .where('instance_id', 'in', (eb) =>
      eb.selectFrom('signaling_instances').select('id').where('alive_until', '<', before),
    )
    .execute();
  await db.deleteFrom('signaling_instances').where('alive_until', '<', before).execute();
  // The saved rooms of sessions no longer open (ended or cancelled with no host to forget them).
  await db
    .deleteFrom('signaling_room_states')
    .where('session_id', 'in', (eb) =>
      eb.selectFrom('mediation_sessions').select('id').where('state', '<>', 'open'),
    )
    .execute();
}

/** Which of these sessions are no longer open (ended or cancelled through another instance). */
export async function endedSessions(db: Kysely<DB>, sessionIds: readonly string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('mediation_sessions')
    .select('id')
    .where('id', 'in', [...sessionIds])
    .where('state', '<>', 'open')
    .execute();
  return rows.map((r) => r.id);
}
