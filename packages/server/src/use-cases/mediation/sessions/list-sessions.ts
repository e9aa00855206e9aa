import type { Deps, SignedInContext } from '../../../deps.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { presentSession, type SessionView } from './present-session.ts';
import { loadSeats } from './session-seats.ts';
import { listRecordings } from './recording/list-recordings.ts';

/** A case's sessions, upcoming and past, for everyone who can read the case. */
export async function listSessions(deps: Deps, ctx: SignedInContext, caseId: string): Promise<SessionView[]> {
  const c = await loadReadableCase(deps.db, ctx.actor, caseId);
  const rows = await deps.db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('scheduled_at')
    .orderBy('id')
    .execute();
  const readerId = ctx.actor.userId;
  return Promise.all(
    rows.map(async (s) => {
      const seats = await loadSeats(deps.db, s.id);
      const recordings = await listRecordings(deps.db, s.id, { readerId, seats, case: c });
      return presentSession(s, seats, readerId, recordings);
    }),
  );
}
