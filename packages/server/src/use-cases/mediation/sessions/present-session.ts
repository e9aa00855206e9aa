import type { SessionState } from '@sutiao/domain/sessions/session-lifecycle.ts';
import type { SeatRow } from './session-seats.ts';
import type { SessionRow } from './load-session.ts';
import type { RecordingView } from './recording/present-recording.ts';

export interface SessionView {
  id: string;
  caseId: string;
  state: SessionState;
  version: number;
  scheduledAt: string;
  expectedMinutes: number;
  openedAt: string | null;
  endedAt: string | null;
  participants: SeatRow[];
  /** Whether the reader can join now: a participant, and the session open. */
  canJoin: boolean;
  /** Whether the reader runs it (opens, admits, ends). */
  isMediator: boolean;
  /** Its consented recordings, attached to the case. */
  recordings: RecordingView[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentSession(
  s: SessionRow,
  seats: SeatRow[],
  readerId: string,
  recordings: RecordingView[],
): SessionView {
  const seated = seats.some((p) => p.userId === readerId);
  return {
    id: s.id,
    caseId: s.case_id,
    state: s.state,
    version: s.version,
    scheduledAt: new Date(s.scheduled_at).toISOString(),
    expectedMinutes: s.expected_minutes,
    openedAt: iso(s.opened_at),
    endedAt: iso(s.ended_at),
    participants: seats,
    canJoin: seated && s.state === 'open',
    isMediator: s.mediator_user_id === readerId,
    recordings,
  };
}
