import type { Kysely, Selectable } from 'kysely';
import { appError } from '@sutiao/domain/errors.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { SessionRecordingsTable } from '../../../../adapters/db/sessions-schema.ts';
import type { LoadedCase } from '../../cases/load-case.ts';
import { loadReadableSession, type SessionRow } from '../load-session.ts';
import { loadSeats, type SeatRow } from '../session-seats.ts';

export type RecordingRow = Selectable<SessionRecordingsTable>;

export interface RecordingIds {
  caseId: string;
  sessionId: string;
  recordingId: string;
}

const recordingNotFound = () =>
  appError('NOT_FOUND', { entity: { zh: '会话录像', en: 'Session recording' } });

/** A recording of a session of a case the actor may read; anything else is NOT_FOUND, so ids cannot be probed. */
export async function loadRecording(
  db: Kysely<DB>,
  actor: Actor,
  ids: RecordingIds,
  options: { forUpdate?: boolean; forShare?: boolean } = {},
): Promise<{ recording: RecordingRow; session: SessionRow; case: LoadedCase; seats: SeatRow[] }> {
  const { session, case: c } = await loadReadableSession(db, actor, ids.caseId, ids.sessionId);
  let query = db
    .selectFrom('session_recordings')
    .selectAll()
    .where('id', '=', ids.recordingId)
    .where('session_id', '=', session.id);
  if (options.forUpdate) query = query.forUpdate();
  else if (options.forShare) query = query.forShare();
  const recording = await query.executeTakeFirst();
  if (!recording) throw recordingNotFound();
  return { recording, session, case: c, seats: await loadSeats(db, session.id) };
}

/**
 * Who may play a recording: the case's mediator, and the session's people — only those in the room for a recording
 * made in a private caucus — not everyone who reads the case.
 */
export function mayPlay(
  userId: string,
  seats: readonly SeatRow[],
  c: Pick<LoadedCase, 'mediator_user_id'>,
  recording: Pick<RecordingRow, 'audience'>,
): boolean {
  if (c.mediator_user_id === userId) return true;
  if (recording.audience) return recording.audience.includes(userId);
  return seats.some((s) => s.userId === userId);
}
