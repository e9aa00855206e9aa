import type { Lifecycle } from '../lifecycles/state-machine.ts';
import type { RoomsState } from './session-rooms.ts';

/**
 * Recording a session, only with everyone's consent (issue 9 part 6). Each participant consents or withdraws in the
 * room; the mediator starts a recording only when everyone admitted has consented, and it stops at once when anyone
 * withdraws, when someone who has not consented is let in, when the mediator leaves or when the session ends. The
 * mediator's browser records the room and uploads it in numbered chunks while it runs; once stopped, the recording is
 * finished: its chunks are checked complete, its SM3 digest goes into the audit trail, and it is attached to the case.
 */
export const RECORDING_STATES = ['recording', 'stopped', 'finished'] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

export const RECORDING_EVENTS = ['stop', 'finish'] as const;
export type RecordingEvent = (typeof RECORDING_EVENTS)[number];

/** Why a recording stopped; kept with it and in the audit trail. */
export const RECORDING_STOP_REASONS = [
  'mediator',
  'consent-withdrawn',
  'joined-without-consent',
  'mediator-left',
  'session-ended',
  'room-changed',
] as const;
export type RecordingStopReason = (typeof RECORDING_STOP_REASONS)[number];

export interface RecordingFacts {
  /** The session's mediator, or the platform itself (a recording whose browser never finished it). */
  byMediatorOrPlatform: boolean;
}

export const RECORDING_LIFECYCLE: Lifecycle<
  RecordingState,
  RecordingEvent,
  never,
  'mediator',
  RecordingFacts
> = {
  name: 'session-recording',
  states: RECORDING_STATES,
  events: RECORDING_EVENTS,
  terminalStates: ['finished'],
  guards: {},
  parties: { mediator: (f) => f.byMediatorOrPlatform },
  transitions: [
    { from: ['recording'], event: 'stop', to: 'stopped', guards: [], actors: ['mediator'] },
    { from: ['stopped'], event: 'finish', to: 'finished', guards: [], actors: ['mediator'] },
  ],
};

export const RECORDING_LIMITS = {
  /** One chunk of the recorder's output (a few seconds of video); far above what a browser sends. */
  maxChunkBytes: 8 * 1024 * 1024,
  /** Chunks of one recording: four hours at one chunk a second. */
  maxChunks: 4 * 3600,
  /** A stopped recording its browser never finished is finished by the platform after this long. */
  abandonedAfterMs: 15 * 60 * 1000,
  /** Chunks still arrive after the stop (the last one, retries); past this they are refused. */
  lateChunkMs: 5 * 60 * 1000,
} as const;

/** What a browser's MediaRecorder writes, and all a recording may be: WebM, with its codecs named or not. */
export const RECORDING_MIME = /^(video|audio)\/webm(;\s?codecs="?[a-z0-9.,]+"?)?$/i;

/**
 * Who besides the case's mediator may play a recording started now: everyone seated (null) in the main room; in a
 * private caucus only the people in it — a caucus's pictures and voices are not the other side's to see afterwards.
 * A recording stops whenever the rooms change, so it never spans two of them.
 */
export function recordingAudience(state: RoomsState, mediatorId: string): string[] | null {
  if (state.caucus === null) return null;
  return [
    mediatorId,
    ...[...state.seats.values()].filter((s) => s.side === state.caucus).map((s) => s.userId),
  ];
}

/** The admitted people (any room) who have not consented: recording may start only when there are none. */
export function missingConsents(state: RoomsState, consented: ReadonlySet<string>): string[] {
  return [...state.seats.values()]
    .filter((s) => s.presence === 'admitted' && !consented.has(s.userId))
    .map((s) => s.userId);
}

/** The chunk numbers missing from 0 … count − 1, for a recording whose browser says it sent `count` chunks. */
export function missingChunks(received: readonly number[], count: number): number[] {
  const have = new Set(received);
  const missing: number[] = [];
  for (let seq = 0; seq < count; seq++) if (!have.has(seq)) missing.push(seq);
  return missing;
}

export const RECORDING_STOP_LABELS: Record<RecordingStopReason, { zh: string; en: string }> = {
  mediator: { zh: '调解员停止录制', en: 'stopped by the mediator' },
  'consent-withdrawn': { zh: '有参加人撤回同意，录制已停止', en: 'a participant withdrew consent' },
  'joined-without-consent': {
    zh: '有未同意录制的参加人入场，录制已停止',
    en: 'someone who has not consented was admitted',
  },
  'mediator-left': { zh: '调解员离开，录制已停止', en: 'the mediator left' },
  'session-ended': { zh: '会话结束，录制已停止', en: 'the session ended' },
  'room-changed': {
    zh: '调解员开始或结束单独会谈，录制已停止',
    en: 'the mediator began or ended a private caucus',
  },
};

export const RECORDING_STATE_LABELS: Record<RecordingState, { zh: string; en: string }> = {
  recording: { zh: '录制中', en: 'recording' },
  stopped: { zh: '已停止，待保存', en: 'stopped, being saved' },
  finished: { zh: '已保存', en: 'saved' },
};

export const RECORDING_EVENT_LABELS: Record<RecordingEvent, { zh: string; en: string }> = {
  stop: { zh: '停止录制', en: 'stop recording' },
  finish: { zh: '保存录像', en: 'save the recording' },
};
