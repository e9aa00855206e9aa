import {
  RECORDING_STATE_LABELS,
  RECORDING_STOP_LABELS,
  type RecordingState,
} from '@sutiao/domain/sessions/session-recording.ts';
import type { LoadedCase } from '../../cases/load-case.ts';
import type { SeatRow } from '../session-seats.ts';
import { mayPlay, type RecordingRow } from './load-recording.ts';

export interface RecordingView {
  id: string;
  sessionId: string;
  state: RecordingState;
  stateLabel: { zh: string; en: string };
  mimeType: string;
  startedAt: string;
  stoppedAt: string | null;
  stopReason: { code: string; zh: string; en: string } | null;
  finishedAt: string | null;
  chunkCount: number | null;
  sizeBytes: number | null;
  /** SM3 of the whole file, as in the audit trail. */
  digestSm3: string | null;
  /** Names of the people who consented, as they were when recording started. */
  consentedBy: string[];
  /** Where the reader plays it: finished, and the reader one of the session's people. */
  mediaPath: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentRecording(
  r: RecordingRow,
  reader: { readerId: string; seats: readonly SeatRow[]; case: Pick<LoadedCase, 'mediator_user_id'> },
): RecordingView {
  const names = new Map(reader.seats.map((s) => [s.userId, s.name]));
  const playable =
    r.state === 'finished' &&
    (r.chunk_count ?? 0) > 0 &&
    mayPlay(reader.readerId, reader.seats, reader.case, r);
  return {
    id: r.id,
    sessionId: r.session_id,
    state: r.state,
    stateLabel: RECORDING_STATE_LABELS[r.state],
    mimeType: r.mime_type,
    startedAt: new Date(r.started_at).toISOString(),
    stoppedAt: iso(r.stopped_at),
    stopReason: r.stop_reason ? { code: r.stop_reason, ...RECORDING_STOP_LABELS[r.stop_reason] } : null,
    finishedAt: iso(r.finished_at),
    chunkCount: r.chunk_count,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    digestSm3: r.digest_sm3,
    consentedBy: r.consented_user_ids.map((id) => names.get(id) ?? id),
    mediaPath: playable
      ? `/api/cases/${encodeURIComponent(r.case_id)}/sessions/${encodeURIComponent(r.session_id)}/recordings/${encodeURIComponent(r.id)}/media`
      : null,
  };
}
