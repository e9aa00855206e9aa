import type { Kysely } from 'kysely';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { loadReadableSession } from '../load-session.ts';
import { loadSeats } from '../session-seats.ts';

/** A session the actor may read, its seats and its record (none before the first draft), optionally locked. */
export async function loadRecordContext(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  sessionId: string,
  options: { forUpdate?: boolean } = {},
) {
  const { session, case: c } = await loadReadableSession(db, actor, caseId, sessionId, options);
  const seats = await loadSeats(db, session.id);
  let query = db.selectFrom('session_records').selectAll().where('session_id', '=', session.id);
  if (options.forUpdate) query = query.forUpdate();
  const record = await query.executeTakeFirst();
  return { session, case: c, seats, record };
}
