import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import { SESSION_CASE_STATES, SESSION_LIMITS } from '@sutiao/domain/sessions/session-lifecycle.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import { sendAfterCommit } from '../../common/transitions/send-after-commit.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import { presentSession, type SessionView } from './present-session.ts';
import { eligibleSeats } from './session-seats.ts';
import { noticeSession } from './session-notices.ts';

const invalid = (zh: string, en: string) => appError('SESSION_INVALID', { reason: { zh, en } });
const DAY_MS = 86_400_000;
/** How far ahead a session can be scheduled. */
const MAX_AHEAD_DAYS = 90;

export interface ScheduleSessionInput {
  caseId: string;
  scheduledAt: string;
  expectedMinutes: number;
  /** Who is invited besides the mediator; absent means everyone of the case (investor, agent, the firm's people). */
  participantIds?: string[];
}

/**
 * The case's mediator schedules an audio/video session with people of the case; each invited person gets a notice
 * (and an e-mail where they gave an address). Only while the case is being mediated.
 */
export async function scheduleSession(
  deps: Deps,
  ctx: SignedInContext,
  input: ScheduleSessionInput,
): Promise<SessionView> {
  const now = deps.now();
  const at = new Date(input.scheduledAt);
  if (Number.isNaN(at.getTime())) throw invalid('开始时间无效', 'the start time is not a date-time');
  if (at.getTime() < now.getTime() - 5 * 60_000) throw invalid('开始时间已过', 'the start time has passed');
  if (at.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY_MS)
    throw invalid('开始时间不得晚于90天后', 'the start is more than 90 days ahead');
  const minutes = input.expectedMinutes;
  if (
    !Number.isInteger(minutes) ||
    minutes < SESSION_LIMITS.minMinutes ||
    minutes > SESSION_LIMITS.maxMinutes
  )
    throw invalid('预计时长应为15至240分钟', 'the expected length must be 15 to 240 minutes');
  const result = await deps.db.transaction().execute(async (trx) => {
    const c = await loadReadableCase(trx, ctx.actor, input.caseId, { forUpdate: true });
    if (!isAuthorized(ctx.actor, 'case.record') || c.mediator_user_id !== ctx.actor.userId)
      throw appError('FORBIDDEN');
    if (!SESSION_CASE_STATES.includes(c.status))
      throw invalid('案件不在调解中', 'the case is not being mediated');
    const eligible = await eligibleSeats(trx, c);
    const mediator = eligible.filter((s) => s.role === 'mediator');
    const others = eligible.filter((s) => s.role !== 'mediator');
    const wanted = input.participantIds ? new Set(input.participantIds) : null;
    if (wanted) {
      const known = new Set(others.map((s) => s.userId));
      if ([...wanted].some((id) => !known.has(id)))
        throw invalid('参加人须为本案当事人或其代理人', 'participants must be people of this case');
    }
    const invited = wanted ? others.filter((s) => wanted.has(s.userId)) : others;
    if (invited.length === 0) throw invalid('至少邀请一名当事人', 'invite at least one party');
    const seats = [...mediator, ...invited];
    if (seats.length > SESSION_LIMITS.maxParticipants)
      throw invalid('参加人不得超过6人', 'at most 6 participants, the mediator included');
    const id = newId();
    const row = {
      id,
      case_id: c.id,
      mediator_user_id: ctx.actor.userId,
      scheduled_at: at,
      expected_minutes: minutes,
      state: 'scheduled' as const,
      version: 1,
      opened_at: null,
      ended_at: null,
      reminder_sent_at: null,
      created_at: now,
    };
    await trx.insertInto('mediation_sessions').values(row).execute();
    await trx
      .insertInto('mediation_session_participants')
      .values(seats.map((s) => ({ session_id: id, user_id: s.userId, role: s.role, side: s.side })))
      .execute();
    const emails = await noticeSession(trx, {
      kind: 'session.invitation',
      caseId: c.id,
      caseRef: c.case_number ?? '调解申请',
      scheduledAt: at,
      expectedMinutes: minutes,
      userIds: invited.map((s) => s.userId),
    });
    await auditUserAct(trx, ctx, now, {
      action: 'session.schedule',
      targetType: 'mediation_session',
      targetId: id,
      details: {
        caseId: c.id,
        scheduledAt: at.toISOString(),
        expectedMinutes: minutes,
        participants: seats.length,
      },
    });
    return { view: presentSession(row, seats, ctx.actor.userId, []), emails };
  });
  await sendAfterCommit(deps, result.emails);
  return result.view;
}
