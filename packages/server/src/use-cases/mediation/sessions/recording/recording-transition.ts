import { appError } from '@sutiao/domain/errors.ts';
import { fire } from '@sutiao/domain/lifecycles/state-machine.ts';
import {
  RECORDING_EVENT_LABELS,
  RECORDING_LIFECYCLE,
  RECORDING_STATE_LABELS,
  type RecordingEvent,
  type RecordingState,
} from '@sutiao/domain/sessions/session-recording.ts';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../../adapters/db/schema.ts';
import type { SignedInContext } from '../../../../deps.ts';

/** The state a recording moves to on `event`, by the table; a refusal is the usual lifecycle error. */
export function recordingNext(
  state: RecordingState,
  event: RecordingEvent,
  byMediatorOrPlatform: boolean,
): RecordingState {
  const fired = fire(RECORDING_LIFECYCLE, state, event, { byMediatorOrPlatform });
  if (fired.ok) return fired.to;
  if (fired.code === 'FORBIDDEN') throw appError('FORBIDDEN');
  throw appError('CASE_ILLEGAL_EVENT', {
    state: RECORDING_STATE_LABELS[state],
    event: RECORDING_EVENT_LABELS[event],
  });
}

/**
 * Audits an act on a recording in the act's own transaction: a signed-in person's, or (with `ctx` null) the
 * platform's own — a recording whose browser never finished it.
 */
export async function auditRecordingAct(
  trx: Kysely<DB>,
  ctx: SignedInContext | null,
  at: Date,
  action: string,
  recordingId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(
    trx,
    {
      requestId: ctx?.requestId ?? `job:sessions.recordings:${recordingId}`,
      actorUserId: ctx?.actor.userId ?? null,
      actorRole: ctx?.actorRole ?? null,
      action,
      targetType: 'session_recording',
      targetId: recordingId,
      outcome: 'success',
      details,
    },
    at,
  );
}
