import { Alert, Button, Radio, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSessionText } from './session-text.ts';

export type JoinMode = 'video' | 'audio' | 'chat';

type Problem = 'blocked' | 'missing' | 'noCamera' | null;

/** Asks for the devices a mode needs; falls back from video to voice when there is no camera. */
async function openDevices(mode: JoinMode): Promise<{ stream: MediaStream | null; problem: Problem }> {
  if (mode === 'chat' || !navigator.mediaDevices?.getUserMedia) return { stream: null, problem: null };
  try {
    return {
      stream: await navigator.mediaDevices.getUserMedia({ audio: true, video: mode === 'video' }),
      problem: null,
    };
  } catch (err) {
    const name = err instanceof DOMException ? err.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return { stream: null, problem: 'blocked' };
    if (mode === 'video') {
      const voice = await openDevices('audio');
      return voice.stream ? { stream: voice.stream, problem: 'noCamera' } : voice;
    }
    return { stream: null, problem: 'missing' };
  }
}

/** The microphone's level, 0–100, from the stream's audio (an analyser, read 10 times a second). */
function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += ((v - 128) / 128) ** 2;
      setLevel(Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 300)));
    }, 100);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [stream]);
  return level;
}

function playTone() {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.2;
  oscillator.frequency.value = 440;
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 1);
  oscillator.onended = () => void context.close();
}

/**
 * The waiting room's self-test: a live preview, the microphone's level and a speaker tone, with a plain message when a
 * device is missing or the browser blocked it; the participant chooses video, voice only or text only, then enters.
 */
export function DeviceCheck({ onEnter }: { onEnter(mode: JoinMode, stream: MediaStream | null): void }) {
  const { pt } = useSessionText();
  const [mode, setMode] = useState<JoinMode>('video');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const level = useMicLevel(stream);
  const handed = useRef(false);

  useEffect(() => {
    let current: MediaStream | null = null;
    let cancelled = false;
    void openDevices(mode).then((opened) => {
      if (cancelled) {
        for (const t of opened.stream?.getTracks() ?? []) t.stop();
        return;
      }
      current = opened.stream;
      setStream(opened.stream);
      setProblem(opened.problem);
    });
    return () => {
      cancelled = true;
      if (!handed.current) for (const t of current?.getTracks() ?? []) t.stop();
    };
  }, [mode]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);

  const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;
  return (
    <section aria-labelledby="device-check-title" data-testid="device-check">
      <h2 id="device-check-title" style={{ fontSize: 18 }}>
        {pt('deviceCheck')}
      </h2>
      <p>{pt('deviceIntro')}</p>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group
          aria-label={pt('mode')}
          value={mode}
          onChange={(e) => setMode(e.target.value as JoinMode)}
          options={(['video', 'audio', 'chat'] as const).map((m) => ({ value: m, label: pt(`mode.${m}`) }))}
          optionType="button"
        />
        {problem ? (
          <Alert type={problem === 'noCamera' ? 'info' : 'warning'} showIcon title={pt(problem)} />
        ) : null}
        {hasVideo ? (
          <video
            ref={preview}
            autoPlay
            muted
            playsInline
            aria-label={pt('preview')}
            style={{ width: 320, maxWidth: '100%', background: '#000', borderRadius: 8 }}
          />
        ) : null}
        {stream && stream.getAudioTracks().length > 0 ? (
          <div>
            <span id="mic-level-label">{pt('micLevel')}</span>
            <meter
              aria-labelledby="mic-level-label"
              min={0}
              max={100}
              value={level}
              style={{ display: 'block', width: 320, maxWidth: '100%' }}
            />
          </div>
        ) : null}
        {mode !== 'chat' ? (
          <div>
            <Button onClick={playTone}>{pt('speakerTest')}</Button> <span>{pt('speakerHint')}</span>
          </div>
        ) : null}
        <Button
          type="primary"
          size="large"
          disabled={mode !== 'chat' && problem !== null && problem !== 'noCamera'}
          onClick={() => {
            handed.current = true;
            onEnter(stream ? mode : 'chat', stream);
          }}
        >
          {pt('enter')}
        </Button>
      </Space>
    </section>
  );
}
