import { Alert, Button, Checkbox, Space } from 'antd';
import { useEffect, useState } from 'react';
import type {
  ClientMessage,
  LiveRecording,
  RosterEntry,
} from '@sutiao/domain/sessions/signaling-messages.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import type { RecorderStatus } from './room-recorder.ts';
import { useSessionText } from './session-text.ts';

/**
 * Recording in the room: everyone's own consent (given or withdrawn at any time), a banner while it records, and for
 * the mediator who has consented, start and stop — start only once everyone in the room has consented — with the
 * recorder's upload progress.
 */
export function RecordingControls({
  me,
  isMediator,
  roster,
  recording,
  lastStop,
  status,
  format,
  send,
}: {
  me: string;
  isMediator: boolean;
  roster: RosterEntry[];
  recording: LiveRecording | null;
  lastStop: string | null;
  status: RecorderStatus | null;
  format: string | null;
  send(m: ClientMessage): void;
}) {
  const { pt } = useSessionText();
  const mine = roster.find((r) => r.userId === me);
  // The box follows the click at once; the room's roster confirms it (or, after a few seconds, says otherwise).
  const [asked, setAsked] = useState<boolean | null>(null);
  const consented = mine?.consent ?? false;
  useEffect(() => {
    if (asked === null) return;
    if (asked === consented) {
      setAsked(null);
      return;
    }
    const timer = setTimeout(() => setAsked(null), 5_000);
    return () => clearTimeout(timer);
  }, [asked, consented]);
  const present = roster.filter((r) => r.presence === 'admitted');
  const everyone = present.every((r) => r.consent);
  return (
    <section aria-labelledby="session-recording-title" data-testid="recording-controls">
      <h2 id="session-recording-title" style={{ fontSize: 16 }}>
        {pt('recording')}
      </h2>
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>{pt('recordingHint')}</p>
      {recording ? (
        <Alert type="error" showIcon title={pt('recordingOn')} data-testid="recording-on" />
      ) : lastStop ? (
        <Alert type="info" showIcon title={pt('recordingOff', { reason: lastStop })} />
      ) : null}
      {isMediator ? null : (
        <Checkbox
          style={{ marginTop: 8 }}
          checked={asked ?? consented}
          onChange={(e) => {
            setAsked(e.target.checked);
            send({ type: 'consent', given: e.target.checked });
          }}
        >
          {pt('consentLabel')}
          {asked !== null && asked !== consented ? (
            <span role="status">（{pt('consentSaving')}）</span>
          ) : null}
        </Checkbox>
      )}
      {isMediator ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <ul aria-label={pt('consentOf')} style={{ paddingLeft: 18, margin: 0 }}>
            {present
              .filter((r) => r.role !== 'mediator')
              .map((r) => (
                <li key={r.userId} data-testid="consent-of" data-user-id={r.userId}>
                  {r.name}{' '}
                  <ToneTag tone={r.consent ? 'success' : 'warning'}>
                    {r.consent ? pt('consented') : pt('notConsented')}
                  </ToneTag>
                </li>
              ))}
          </ul>
          {format === null ? <Alert type="warning" title={pt('recordUnsupported')} /> : null}
          {recording ? (
            <Button danger onClick={() => send({ type: 'record-stop' })}>
              {pt('recordStop')}
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={format === null || !everyone || status?.phase === 'saving'}
              onClick={() => format && send({ type: 'record-start', mimeType: format })}
            >
              {pt('recordStart')}
            </Button>
          )}
          {!recording && !everyone ? <span>{pt('recordNeedsAll')}</span> : null}
          {status ? <RecorderProgress status={status} /> : null}
        </Space>
      ) : null}
    </section>
  );
}

function RecorderProgress({ status }: { status: RecorderStatus }) {
  const { pt } = useSessionText();
  const line =
    status.phase === 'saved'
      ? pt('recorderSaved', { digest: status.saved?.digestSm3?.slice(0, 16) ?? '' })
      : status.phase === 'failed'
        ? pt('recorderFailed', { error: status.error ?? '' })
        : status.phase === 'saving'
          ? pt('recorderSaving')
          : pt('recorderUploading', { uploaded: status.uploaded, pending: status.pending });
  return (
    <div role="status" data-testid="recorder-status" data-phase={status.phase}>
      {line}
      {status.retries > 0 && status.phase !== 'saved' ? (
        <div>{pt('recorderRetrying', { retries: status.retries })}</div>
      ) : null}
    </div>
  );
}
