import { Alert, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { ToneTag } from '../../components/status-tag.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { RosterEntry, ServerMessage } from '@sutiao/domain/sessions/signaling-messages.ts';
import { getCase } from '../../api/client.ts';
import { getIceServers, listSessions, type MediationSession, signalingUrl } from '../../api/sessions.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { useMe } from '../../session.tsx';
import { DeviceCheck, type JoinMode } from './device-check.tsx';
import { PeerMesh, type SignalData } from './peer-mesh.ts';
import { MediaTile } from './remote-tile.tsx';
import { SessionChat, type ChatLine } from './session-chat.tsx';
import { RecordEditor } from './record-editor.tsx';
import { RecordingControls } from './recording-controls.tsx';
import { useRoomRecorder } from './use-room-recorder.ts';
import { SessionControls } from './session-controls.tsx';
import { SignalingSocket } from './signaling-socket.ts';
import { type SessionTextKey, useSessionText } from './session-text.ts';

type Phase = 'check' | 'room' | 'closed';

/** Minutes since the session opened, refreshed every 30 s. */
function useElapsedMinutes(openedAt: string | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return openedAt ? Math.max(0, Math.floor((now - new Date(openedAt).getTime()) / 60_000)) : 0;
}

/**
 * A session's page: the device self-test, then the waiting room and the room itself — everyone's pictures, the chat,
 * and for the mediator the roster with admit, mute, remove, caucus and end.
 */
export default function SessionRoomPage() {
  const { id: caseId = '', sessionId = '' } = useParams();
  const { pt } = useSessionText();
  const me = useMe().user.id;
  const [session, setSession] = useState<MediationSession | null>(null);
  const [phase, setPhase] = useState<Phase>('check');
  const [closedText, setClosedText] = useState('');
  const [connection, setConnection] = useState<'connecting' | 'open' | 'reconnecting' | 'closed'>(
    'connecting',
  );
  const [presence, setPresence] = useState<'waiting' | 'admitted'>('waiting');
  const [room, setRoom] = useState('main');
  const [notice, setNotice] = useState<string | null>(null);
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  const [caucus, setCaucus] = useState<string | null>(null);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [remotes, setRemotes] = useState<Map<string, MediaStream>>(new Map());
  const [frames, setFrames] = useState<Map<string, number>>(new Map());
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [micOn, setMicOn] = useState(true);
  const socket = useRef<SignalingSocket | null>(null);
  const mesh = useRef<PeerMesh | null>(null);
  const elapsed = useElapsedMinutes(session?.openedAt ?? null);
  const names = useMemo(() => new Map(roster.map((r) => [r.userId, r.name])), [roster]);
  // What the mediator's recorder draws and mixes: their own picture and voice, and everyone they see and hear.
  const onScreen = useMemo(
    () => [
      ...(local ? [{ userId: me, name: names.get(me) ?? pt('you'), stream: local }] : []),
      ...[...remotes].map(([userId, stream]) => ({ userId, name: names.get(userId) ?? userId, stream })),
    ],
    [local, remotes, names, me, pt],
  );
  const ids = useMemo(() => ({ caseId, sessionId }), [caseId, sessionId]);
  const stopInRoom = useCallback(() => socket.current?.send({ type: 'record-stop' }), []);
  const rec = useRoomRecorder(ids, session?.isMediator ?? false, onScreen, stopInRoom);

  const [documents, setDocuments] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void listSessions(caseId).then((all) => setSession(all.find((s) => s.id === sessionId) ?? null));
    void getCase(caseId)
      .then((c) => setDocuments(c.evidence.map((e) => ({ id: e.id, name: e.name }))))
      .catch(() => setDocuments([]));
  }, [caseId, sessionId]);

  const onMessage = useCallback(
    (m: ServerMessage) => {
      switch (m.type) {
        case 'welcome':
          setPresence(m.presence);
          setRoom(m.room);
          break;
        case 'admitted':
          setPresence('admitted');
          setRoom(m.room);
          break;
        case 'room':
          setRoom(m.room);
          setNotice(m.notice ? m.notice.zh : null);
          break;
        case 'roster': {
          setRoster(m.participants);
          setCaucus(m.caucus);
          rec.onRoster(m.recording);
          const mine = m.participants.find((p) => p.userId === me);
          const mates =
            mine?.presence === 'admitted'
              ? m.participants
                  .filter((p) => p.userId !== me && p.presence === 'admitted' && p.room === mine.room)
                  .map((p) => p.userId)
              : [];
          mesh.current?.setMates(mates);
          break;
        }
        case 'signal':
          void mesh.current?.onSignal(m.from, m.data as SignalData);
          break;
        case 'chat':
          setChat((lines) => [...lines, m]);
          break;
        case 'muted':
          for (const t of local?.getAudioTracks() ?? []) t.enabled = false;
          setMicOn(false);
          setNotice(pt('muted'));
          break;
        case 'recording':
          rec.onRecording(m);
          break;
        case 'removed':
          setClosedText(pt('removed'));
          break;
        case 'ended':
          setClosedText(pt('ended'));
          rec.stopLocal();
          break;
        case 'error':
          if (m.code === 'SESSION_NOT_OPEN' || m.code === 'FORBIDDEN' || m.code === 'NOT_FOUND')
            setClosedText(pt('refused', { message: m.message.zh }));
          else setNotice(m.message.zh);
          break;
      }
    },
    [me, local, pt, rec.onRoster, rec.onRecording, rec.stopLocal],
  );

  const enter = async (mode: JoinMode, stream: MediaStream | null) => {
    setLocal(stream);
    setMicOn(true);
    const { iceServers, iceTransportPolicy } = await getIceServers();
    if (mode !== 'chat' || stream === null) {
      mesh.current = new PeerMesh(
        me,
        stream,
        iceServers,
        iceTransportPolicy,
        (to, data) => socket.current?.send({ type: 'signal', to, data }),
        (userId, remote) =>
          setRemotes((all) => {
            const next = new Map(all);
            if (remote) next.set(userId, remote);
            else next.delete(userId);
            return next;
          }),
      );
    }
    setPhase('room');
  };

  useEffect(() => {
    if (phase !== 'room') return;
    const s = new SignalingSocket(signalingUrl(caseId, sessionId), {
      onMessage: (m) => onMessageRef.current(m),
      onState: (state, code) => {
        setConnection(state);
        // Without the room's signal the server has stopped the recording: the recorder stops too, saving its part.
        if (state === 'reconnecting') rec.stopLocal();
        if (state === 'closed') {
          if (code === 4002) setClosedText(pt('ended'));
          else if (code === 4000) setClosedText(pt('removed'));
          setPhase('closed');
          mesh.current?.close();
          rec.stopLocal();
        }
      },
    });
    socket.current = s;
    const stats = setInterval(() => {
      void mesh.current?.framesDecoded().then(setFrames);
    }, 1000);
    return () => {
      clearInterval(stats);
      s.close();
      mesh.current?.close();
    };
  }, [phase, caseId, sessionId, pt, rec.stopLocal]);

  // The socket's handler always reads the latest state (local stream, user id) without reconnecting.
  const onMessageRef = useRef(onMessage);
  onMessageRef.current = onMessage;

  useEffect(
    () => () => {
      for (const t of local?.getTracks() ?? []) t.stop();
    },
    [local],
  );

  if (!session) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin />
      </div>
    );
  }
  const back = <Link to={`/cases/${encodeURIComponent(caseId)}`}>{pt('backToCase')}</Link>;
  if (phase === 'closed')
    return (
      <Result
        status="info"
        title={<h1 style={{ fontSize: 20 }}>{closedText || pt('ended')}</h1>}
        subTitle={
          rec.status ? (
            <span role="status" data-testid="recorder-status" data-phase={rec.status.phase}>
              {rec.status.phase === 'saved'
                ? pt('recorderSaved', { digest: rec.status.saved?.digestSm3?.slice(0, 16) ?? '' })
                : rec.status.phase === 'failed'
                  ? pt('recorderFailed', { error: rec.status.error ?? '' })
                  : pt('recorderSaving')}
            </span>
          ) : null
        }
        extra={back}
      />
    );

  return (
    <>
      <PageHeading
        title={pt('roomTitle')}
        sub={
          phase === 'room' ? (
            <Space>
              <span data-testid="current-room">
                <ToneTag tone={room === 'main' ? 'info' : 'progress'}>
                  {pt(`room.${room}` as SessionTextKey)}
                </ToneTag>
              </span>
              <span>{pt('elapsed', { elapsed, expected: session.expectedMinutes })}</span>
            </Space>
          ) : null
        }
        extra={back}
      />
      {phase === 'check' ? (
        <Card>
          <DeviceCheck onEnter={(mode, stream) => void enter(mode, stream)} />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            {connection === 'reconnecting' ? (
              <Alert type="warning" showIcon title={pt('reconnecting')} />
            ) : null}
            {presence === 'waiting' ? (
              <Alert
                type="info"
                showIcon
                title={pt('waiting')}
                data-testid="waiting-room"
                style={{ marginBottom: 12 }}
              />
            ) : null}
            {notice ? (
              <Alert
                type="info"
                showIcon
                title={notice}
                data-testid="room-notice"
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
              {local ? <MediaTile self stream={local} name={pt('you')} userId={me} /> : null}
              {[...remotes].map(([userId, stream]) => (
                <MediaTile
                  key={userId}
                  stream={stream}
                  userId={userId}
                  name={names.get(userId) ?? userId}
                  frames={frames.get(userId) ?? 0}
                  label={pt('quality', { frames: frames.get(userId) ?? 0 })}
                />
              ))}
            </div>
            {local && local.getAudioTracks().length > 0 ? (
              <Button
                style={{ marginTop: 12 }}
                onClick={() => {
                  for (const t of local.getAudioTracks()) t.enabled = !micOn;
                  setMicOn(!micOn);
                }}
              >
                {micOn ? pt('micOff') : pt('micOn')}
              </Button>
            ) : null}
          </Col>
          <Col xs={24} lg={8}>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              {session.isMediator ? (
                <SessionControls roster={roster} caucus={caucus} send={(m) => socket.current?.send(m)} />
              ) : null}
              <RecordingControls
                me={me}
                isMediator={session.isMediator}
                roster={roster}
                recording={rec.recording}
                lastStop={rec.lastStop}
                status={rec.status}
                format={rec.format}
                send={(m) => socket.current?.send(m)}
              />
              {session.isMediator ? <RecordEditor caseId={caseId} sessionId={sessionId} /> : null}
              {presence === 'admitted' ? (
                <SessionChat
                  lines={chat}
                  onSend={(body) => socket.current?.send({ type: 'chat', body })}
                  documents={documents}
                  onShare={(uploadId) => socket.current?.send({ type: 'share', uploadId })}
                />
              ) : null}
            </Space>
          </Col>
        </Row>
      )}
    </>
  );
}
