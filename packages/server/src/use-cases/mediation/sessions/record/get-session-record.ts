import type { Deps, SignedInContext } from '../../../../deps.ts';
import { loadRecordContext } from './load-record.ts';
import { presentRecord, type SessionRecordView } from './present-record.ts';

/** A session's record (笔录), for everyone who can read the case. */
export async function getSessionRecord(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string },
): Promise<SessionRecordView> {
  const { session, seats, record } = await loadRecordContext(
    deps.db,
    ctx.actor,
    input.caseId,
    input.sessionId,
  );
  return presentRecord(deps.db, deps.publicUrl, { session, seats, record, readerId: ctx.actor.userId });
}
