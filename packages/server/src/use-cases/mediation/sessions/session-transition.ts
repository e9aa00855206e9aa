import { appError } from '@sutiao/domain/errors.ts';
import { fire } from '@sutiao/domain/lifecycles/state-machine.ts';
import {
  SESSION_EVENT_LABELS,
  SESSION_LIFECYCLE,
  SESSION_STATE_LABELS,
  type SessionEvent,
} from '@sutiao/domain/sessions/session-lifecycle.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { loadReadableSession } from './load-session.ts';
import { presentSession, type SessionView } from './present-session.ts';
import { loadSeats } from './session-seats.ts';
import { noticeSession } from './session-notices.ts';
import { stopRunningRecording } from './recording/stop-recording.ts';
import { listRecordings } from './recording/list-recordings.ts';

export interface SessionEventInput {
  caseId: string;
  sessionId: string;
  expectedVersion: number;
}

/**
 * Fires one event of the session lifecycle for its mediator: the table decides, the row moves by compare-and-set on
 * its version, and the change is audited in the same transaction. A cancelled session's people are told; an ended
 * session's recording stops.
 */
export async function runSessionEvent(
  deps: Deps,
  ctx: SignedInContext,
  event: SessionEvent,
  input: SessionEventInput,
): Promise<SessionView> {
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const { session, case: c } = await loadReadableSession(trx, ctx.actor, input.caseId, input.sessionId, {
      forUpdate: true,
    });
    if (session.version !== input.expectedVersion) throw appError('CASE_STATE_CONFLICT');
    const fired = fire(SESSION_LIFECYCLE, session.state, event, {
      isMediator: session.mediator_user_id === ctx.actor.userId,
      scheduledAt: new Date(session.scheduled_at),
      now,
    });
    if (!fired.ok) {
      if (fired.code === 'GUARD_FAILED') {
        const guard = SESSION_LIFECYCLE.guards[fired.guard];
        throw appError('GUARD_FAILED', { guard: { zh: guard.zh, en: guard.en } });
      }
      if (fired.code === 'FORBIDDEN') throw appError('FORBIDDEN');
      throw appError('CASE_ILLEGAL_EVENT', {
        state: SESSION_STATE_LABELS[session.state],
        event: SESSION_EVENT_LABELS[event],
      });
    }
    const updated = await trx
      .updateTable('mediation_sessions')
      .set({
        state: fired.to,
        version: session.version + 1,
        ...(fired.to === 'open' ? { opened_at: now } : {}),
        ...(fired.to === 'ended' || fired.to === 'cancelled' ? { ended_at: now } : {}),
      })
      .where('id', '=', session.id)
      .where('version', '=', session.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Ending stops a recording under way in the same transaction; the mediator's browser then finishes it.
    if (fired.to === 'ended') await stopRunningRecording(trx, ctx, now, session.id, 'session-ended');
    const seats = await loadSeats(trx, session.id);
    const emails =
      event === 'cancel'
        ? await noticeSession(trx, {
            kind: 'session.cancelled',
            caseId: c.id,
            caseRef: c.case_number ?? '调解申请',
            scheduledAt: new Date(session.scheduled_at),
            expectedMinutes: session.expected_minutes,
            userIds: seats.filter((s) => s.role !== 'mediator').map((s) => s.userId),
          })
        : [];
    await auditUserAct(trx, ctx, now, {
      action: `session.${event}`,
      targetType: 'mediation_session',
      targetId: session.id,
      details: { caseId: c.id, from: session.state, to: fired.to },
    });
    const recordings = await listRecordings(trx, session.id, { readerId: ctx.actor.userId, seats, case: c });
    return { view: presentSession(updated, seats, ctx.actor.userId, recordings), emails };
  });
  await sendAfterCommit(deps, result.emails);
  return result.view;
}
