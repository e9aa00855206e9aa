import { ApiError } from '../../api/client.ts';
import { finishRecording, type SessionRecording, uploadRecordingChunk } from '../../api/sessions.ts';
import { chunkUploader, retryable, sleep, type UploadProgress } from './chunk-uploader.ts';

/** The formats a recording may take, best first; the first the browser's MediaRecorder supports is used. */
const FORMATS = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];

export function recordingFormat(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return FORMATS.find((f) => MediaRecorder.isTypeSupported(f)) ?? null;
}

const WIDTH = 960;
const HEIGHT = 540;
const FPS = 10;
/** The recorder hands over a chunk this often; a chunk lost in the network costs at most this much to resend. */
const TIMESLICE_MS = 2000;

export interface RecorderStatus extends UploadProgress {
  phase: 'recording' | 'saving' | 'saved' | 'failed';
  saved?: SessionRecording;
}

interface Source {
  video: HTMLVideoElement;
  audio: MediaStreamAudioSourceNode | null;
  name: string;
}

const beijingClock = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Records the room in the mediator's browser: every picture the mediator sees (and their own) drawn side by side on
 * a canvas with names and the Beijing time, every voice mixed into one track; a MediaRecorder encodes them into WebM
 * and hands over a chunk every two seconds, which is uploaded (retried until it arrives). Stopping flushes the last
 * chunk, waits for every upload and finishes the recording on the server, which keeps its SM3 digest.
 */
export class RoomRecorder {
  private readonly canvas = document.createElement('canvas');
  private readonly audio = new AudioContext();
  private readonly mix = this.audio.createMediaStreamDestination();
  private readonly sources = new Map<string, Source>();
  private readonly recorder: MediaRecorder;
  private readonly uploads;
  private readonly timer: ReturnType<typeof setInterval>;
  private seq = 0;
  private stopping: Promise<SessionRecording | null> | null = null;

  constructor(
    private readonly ids: { caseId: string; sessionId: string; recordingId: string },
    mimeType: string,
    private readonly onStatus: (status: RecorderStatus) => void,
    onFailure: () => void,
  ) {
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
    this.uploads = chunkUploader(
      (seq, chunk, sha256) => uploadRecordingChunk(ids, seq, chunk, sha256),
      (progress) => this.onStatus({ phase: this.stopping ? 'saving' : 'recording', ...progress }),
    );
    const picture = this.canvas.captureStream(FPS).getVideoTracks();
    this.recorder = new MediaRecorder(new MediaStream([...picture, ...this.mix.stream.getAudioTracks()]), {
      mimeType,
      videoBitsPerSecond: 800_000,
    });
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.uploads.add(this.seq++, e.data);
    };
    // The encoder failed (a device gone, out of memory): what was recorded is saved, and the room is told.
    this.recorder.onerror = () => {
      void this.stop();
      onFailure();
    };
    void this.audio.resume();
    this.timer = setInterval(() => this.draw(), 1000 / FPS);
    this.recorder.start(TIMESLICE_MS);
  }

  /** The people on screen now (the mediator's own stream first); a caucus changes who is recorded. */
  setStreams(streams: { userId: string; name: string; stream: MediaStream }[]) {
    const wanted = new Set(streams.map((s) => s.userId));
    for (const [userId, source] of this.sources) {
      if (wanted.has(userId)) continue;
      source.audio?.disconnect();
      source.video.srcObject = null;
      this.sources.delete(userId);
    }
    for (const { userId, name, stream } of streams) {
      const known = this.sources.get(userId);
      if (known && known.video.srcObject === stream) continue;
      known?.audio?.disconnect();
      const video = known?.video ?? document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      void video.play().catch(() => undefined);
      let audio: MediaStreamAudioSourceNode | null = null;
      if (stream.getAudioTracks().length > 0) {
        audio = this.audio.createMediaStreamSource(stream);
        audio.connect(this.mix);
      }
      this.sources.set(userId, { video, audio, name });
    }
  }

  /** Stops recording (idempotent): the last chunk, every upload, then the finish; resolves with the saved recording. */
  stop(): Promise<SessionRecording | null> {
    if (!this.stopping) this.stopping = this.finish();
    return this.stopping;
  }

  private async finish(): Promise<SessionRecording | null> {
    if (this.recorder.state !== 'inactive') {
      const stopped = new Promise((resolve) =>
        this.recorder.addEventListener('stop', resolve, { once: true }),
      );
      this.recorder.stop();
      await stopped;
    }
    clearInterval(this.timer);
    for (const source of this.sources.values()) {
      source.audio?.disconnect();
      source.video.srcObject = null;
    }
    this.sources.clear();
    for (const track of this.recorder.stream.getTracks()) track.stop();
    void this.audio.close();
    const progress = await this.uploads.drain();
    if (progress.failed > 0) {
      this.onStatus({ phase: 'failed', ...progress });
      return null;
    }
    try {
      const saved = await this.finishWithRetries();
      this.onStatus({ phase: 'saved', ...progress, saved });
      return saved;
    } catch (err) {
      // Left stopped on the server: the platform finishes it with what arrived.
      this.onStatus({
        phase: 'failed',
        ...progress,
        error: err instanceof ApiError ? err.message : String(err),
      });
      return null;
    }
  }

  /** The finish, tried again while the network or the server is briefly away (as chunk uploads are). */
  private async finishWithRetries(): Promise<SessionRecording> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await finishRecording(this.ids, this.seq);
      } catch (err) {
        if (!retryable(err) || attempt >= 8) throw err;
        await sleep(Math.min(8000, 250 * 2 ** attempt));
      }
    }
  }

  private draw() {
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.fillStyle = '#1f1f1f';
    g.fillRect(0, 0, WIDTH, HEIGHT);
    const tiles = [...this.sources.values()];
    const cols = Math.max(1, Math.ceil(Math.sqrt(tiles.length)));
    const rows = Math.max(1, Math.ceil(tiles.length / cols));
    const w = WIDTH / cols;
    const h = (HEIGHT - 28) / rows;
    tiles.forEach((tile, i) => {
      const x = (i % cols) * w;
      const y = Math.floor(i / cols) * h;
      const { videoWidth: vw, videoHeight: vh } = tile.video;
      if (vw > 0 && vh > 0) {
        const scale = Math.min(w / vw, h / vh);
        g.drawImage(tile.video, x + (w - vw * scale) / 2, y + (h - vh * scale) / 2, vw * scale, vh * scale);
      }
      g.fillStyle = 'rgba(0,0,0,0.55)';
      g.fillRect(x, y + h - 26, w, 26);
      g.fillStyle = '#fff';
      g.font = '16px sans-serif';
      g.fillText(tile.name, x + 8, y + h - 8);
    });
    g.fillStyle = '#fff';
    g.font = '16px sans-serif';
    g.fillText(`● REC  ${beijingClock()}（北京时间）`, 8, HEIGHT - 8);
  }
}
