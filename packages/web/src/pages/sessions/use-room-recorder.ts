import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveRecording, ServerMessage } from '@sutiao/domain/sessions/signaling-messages.ts';
import { type RecorderStatus, RoomRecorder, recordingFormat } from './room-recorder.ts';

type RecordingFrame = Extract<ServerMessage, { type: 'recording' }>;

/**
 * The room's recording as the page sees it: whether it records (from the server's frames and roster), why it last
 * stopped, and — in the mediator's browser — the recorder that runs while the server says so and is stopped (its last
 * chunks uploaded, the recording finished) when the server says it stopped, the session ends or the page leaves.
 */
export function useRoomRecorder(
  ids: { caseId: string; sessionId: string },
  isMediator: boolean,
  streams: { userId: string; name: string; stream: MediaStream }[],
  /** Asks the room to stop recording (the mediator's recorder could not start or failed). */
  stopInRoom: () => void,
) {
  const [recording, setRecording] = useState<LiveRecording | null>(null);
  const [lastStop, setLastStop] = useState<string | null>(null);
  const [status, setStatus] = useState<RecorderStatus | null>(null);
  const recorder = useRef<{ id: string; recorder: RoomRecorder } | null>(null);
  const format = useMemo(recordingFormat, []);
  const streamsRef = useRef(streams);
  streamsRef.current = streams;

  const stopLocal = useCallback(() => {
    const running = recorder.current;
    recorder.current = null;
    void running?.recorder.stop();
  }, []);

  const onRecording = useCallback(
    (m: RecordingFrame) => {
      if (m.state === 'off') {
        setRecording(null);
        setLastStop(m.reason?.zh ?? null);
        if (recorder.current?.id === m.recordingId) stopLocal();
        return;
      }
      setRecording({ id: m.recordingId, startedAt: new Date().toISOString() });
      setLastStop(null);
      if (!isMediator || recorder.current) return;
      const failed = (error: string) => {
        setStatus({ phase: 'failed', uploaded: 0, pending: 0, retries: 0, failed: 0, error });
        stopInRoom();
      };
      if (format === null) return failed('MediaRecorder');
      try {
        const r = new RoomRecorder({ ...ids, recordingId: m.recordingId }, format, setStatus, () =>
          stopInRoom(),
        );
        r.setStreams(streamsRef.current);
        recorder.current = { id: m.recordingId, recorder: r };
      } catch (err) {
        failed(err instanceof Error ? err.message : String(err));
      }
    },
    [ids, isMediator, format, stopLocal, stopInRoom],
  );

  /** The roster says what records now: a recorder for anything else (after a reconnection) is stopped. */
  const onRoster = useCallback(
    (live: LiveRecording | null) => {
      setRecording(live);
      if (recorder.current && recorder.current.id !== live?.id) stopLocal();
    },
    [stopLocal],
  );

  useEffect(() => recorder.current?.recorder.setStreams(streams), [streams]);
  useEffect(() => stopLocal, [stopLocal]);

  return { recording, lastStop, status, format, onRecording, onRoster, stopLocal };
}
