import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import { loadReadableSession } from './load-session.ts';
import { restoreRoomState, type SavedRoomState } from './room-state.ts';
import { loadSeats, type SeatRow } from './session-seats.ts';

/** What a participant's signaling connection carries: who they are in the session, and everyone's seats. */
export interface JoinTicket {
  ctx: SignedInContext;
  sessionId: string;
  caseId: string;
  seat: SeatRow;
  seats: SeatRow[];
  /** The rooms as the session's last host left them, for the instance that will host it if none does now. */
  room: SavedRoomState | null;
}

/**
 * Admits a signaling connection to a session: only its participants (a stranger who cannot read the case gets
 * NOT_FOUND; one who can but is not invited, FORBIDDEN), only while the session is open. The join is audited.
 */
export async function joinSession(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string },
): Promise<JoinTicket> {
  return deps.db.transaction().execute(async (trx) => {
    const { session } = await loadReadableSession(trx, ctx.actor, input.caseId, input.sessionId);
    const seats = await loadSeats(trx, session.id);
    const seat = seats.find((s) => s.userId === ctx.actor.userId);
    if (!seat) throw appError('FORBIDDEN');
    if (session.state !== 'open') throw appError('SESSION_NOT_OPEN');
    await auditUserAct(trx, ctx, deps.now(), {
      action: 'session.join',
      targetType: 'mediation_session',
      targetId: session.id,
      details: { caseId: session.case_id, role: seat.role },
    });
    const room = await restoreRoomState(trx, session.id);
    return { ctx, sessionId: session.id, caseId: session.case_id, seat, seats, room };
  });
}
