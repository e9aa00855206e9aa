import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { PartySide } from '@sutiao/domain/sessions/session-rooms.ts';
import { SIGNALING_HEARTBEAT } from './signaling-hosts.ts';

/**
 * What of a live session's rooms outlives its host instance: the caucus, and per seat whether the person had been
 * admitted (and when they dropped, `null` while connected) and whether they consented to recording. A recording under
 * way does not carry over: its recorder's signaling dropped with the host, and it stopped.
 */
export interface SavedRoomState {
  caucus: PartySide | null;
  seats: Record<string, { admitted: boolean; awaySince: number | null; consent: boolean }>;
}

/** Saves the state unless a later one is already there (saves of one session can pass each other). */
export async function saveRoomState(
  db: Kysely<DB>,
  sessionId: string,
  state: SavedRoomState,
  at: Date,
): Promise<void> {
  await db
    .insertInto('signaling_room_states')
    .values({ session_id: sessionId, state: JSON.stringify(state), saved_at: at })
    .onConflict((oc) =>
      oc
        .column('session_id')
        .doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), saved_at: eb.ref('excluded.saved_at') }))
        .whereRef('signaling_room_states.saved_at', '<=', 'excluded.saved_at'),
    )
    .execute();
}

export async function forgetRoomState(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('signaling_room_states').where('session_id', '=', sessionId).execute();
}

/**
 * The saved state of a session, for the instance about to host it, with every admitted person's `awaySince` set:
 * those connected when it was saved count as away since the host was last known alive — its last heartbeat, or the
 * save itself when the host let go cleanly (its closing connections saved the state once more).
 */
export async function restoreRoomState(db: Kysely<DB>, sessionId: string): Promise<SavedRoomState | null> {
  const row = await db
    .selectFrom('signaling_room_states as r')
    .leftJoin('signaling_hosts as h', 'h.session_id', 'r.session_id')
    .leftJoin('signaling_instances as i', 'i.id', 'h.instance_id')
    .select(['r.state', 'r.saved_at', 'i.alive_until'])
    .where('r.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const savedAt = new Date(row.saved_at).getTime();
  const lastAlive = row.alive_until ? new Date(row.alive_until).getTime() - SIGNALING_HEARTBEAT.aliveMs : 0;
  const gone = Math.max(savedAt, lastAlive);
  const seats: SavedRoomState['seats'] = {};
  for (const [userId, seat] of Object.entries(row.state.seats)) {
    seats[userId] = { ...seat, awaySince: seat.admitted ? (seat.awaySince ?? gone) : null };
  }
  return { caucus: row.state.caucus, seats };
}
