import type { Deps, SignedInContext } from '../../../deps.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { presentSession, type SessionView } from './present-session.ts';
import { loadSeats } from './session-seats.ts';

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
  return Promise.all(
    rows.map(async (s) => presentSession(s, await loadSeats(deps.db, s.id), ctx.actor.userId)),
  );
}
