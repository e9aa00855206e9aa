import type { Kysely } from 'kysely';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { LoadedCase } from '../../cases/load-case.ts';
import type { SeatRow } from '../session-seats.ts';
import { presentRecording, type RecordingView } from './present-recording.ts';

/** A session's recordings, oldest first, as the reader sees them (playable only by the session's people). */
export async function listRecordings(
  db: Kysely<DB>,
  sessionId: string,
  reader: { readerId: string; seats: readonly SeatRow[]; case: Pick<LoadedCase, 'mediator_user_id'> },
): Promise<RecordingView[]> {
  const rows = await db
    .selectFrom('session_recordings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => presentRecording(r, reader));
}
