import { Empty } from 'antd';
import type { MediationSession } from '../../api/sessions.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useSessionText } from './session-text.ts';

/**
 * A session's recordings on the case: each with when it ran, why it stopped, its size and SM3 digest (the one in
 * the audit trail) and who consented; the session's people play it here, nobody else.
 */
export function RecordingList({ session }: { session: MediationSession }) {
  const { pt } = useSessionText();
  if (session.recordings.length === 0) return <Empty description={pt('noRecordings')} />;
  return (
    <section aria-label={pt('recordings')} data-testid="recording-list">
      {session.recordings.map((r, i) => (
        <figure
          key={r.id}
          style={{ margin: '0 0 12px' }}
          data-testid="recording-player"
          data-recording-id={r.id}
        >
          <figcaption>
            {pt('recordingOf', { n: i + 1, state: r.stateLabel.zh })} · {formatDateTime(r.startedAt)}
            {r.stopReason ? ` · ${r.stopReason.zh}` : ''}
          </figcaption>
          {r.mediaPath ? (
            // biome-ignore lint/a11y/useMediaCaption: a recording of a live session has no caption track.
            <video controls preload="none" src={r.mediaPath} style={{ width: '100%', maxWidth: 640 }} />
          ) : r.state === 'finished' ? (
            <p>{pt('recordingNotYours')}</p>
          ) : null}
          {r.digestSm3 ? (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)', wordBreak: 'break-all' }}>
              {pt('recordingFacts', {
                size: formatBytes(r.sizeBytes ?? 0),
                digest: r.digestSm3,
                who: r.consentedBy.join('、'),
              })}
            </div>
          ) : null}
        </figure>
      ))}
    </section>
  );
}
