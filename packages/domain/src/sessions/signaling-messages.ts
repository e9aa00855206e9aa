import { INPUT_LIMITS } from '../input-limits.ts';
import { type PartySide, SESSION_SIDES } from './session-rooms.ts';
import { RECORDING_MIME } from './session-recording.ts';

/**
 * The signaling protocol of a session's WebSocket, as JSON text frames. A client sends `ClientMessage`s; the server
 * answers with `ServerMessage`s. Offers, answers and ICE candidates travel inside `signal.data` untouched.
 */
export type ClientMessage =
  | { type: 'signal'; to: string; data: unknown }
  | { type: 'chat'; body: string }
  /** Any admitted participant: shows one of the case's documents (its evidence) to everyone in their room. */
  | { type: 'share'; uploadId: string }
  | { type: 'admit'; userId: string }
  | { type: 'remove'; userId: string }
  | { type: 'mute'; userId: string }
  | { type: 'caucus'; side: PartySide }
  | { type: 'reunite' }
  | { type: 'end' }
  /** Any participant: consents to recording, or withdraws (which stops a recording under way). */
  | { type: 'consent'; given: boolean }
  /** The mediator: starts recording (everyone admitted must have consented), in the browser recorder's format. */
  | { type: 'record-start'; mimeType: string }
  | { type: 'record-stop' };

export type MediatorCommand = Extract<
  ClientMessage,
  { type: 'admit' | 'remove' | 'mute' | 'caucus' | 'reunite' | 'end' | 'record-start' | 'record-stop' }
>;

export const MEDIATOR_COMMANDS: readonly MediatorCommand['type'][] = [
  'admit',
  'remove',
  'mute',
  'caucus',
  'reunite',
  'end',
  'record-start',
  'record-stop',
];

export interface RosterEntry {
  userId: string;
  name: string;
  role: string;
  side: PartySide | null;
  presence: 'waiting' | 'admitted' | 'away';
  room: string;
  /** Whether they consent to the session being recorded. */
  consent: boolean;
}

/** A case document shown in the room: everyone there opens it from the case (GET /api/uploads/:id). */
export interface SharedDocument {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** A recording under way: its id (the mediator's browser uploads to it) and when it started. */
export interface LiveRecording {
  id: string;
  startedAt: string;
}

export type ServerMessage =
  | { type: 'welcome'; userId: string; role: string; presence: 'waiting' | 'admitted'; room: string }
  | {
      type: 'roster';
      caucus: PartySide | null;
      participants: RosterEntry[];
      recording: LiveRecording | null;
    }
  | { type: 'signal'; from: string; data: unknown }
  | {
      type: 'chat';
      id: string;
      from: string;
      name: string;
      room: string;
      body: string;
      at: string;
      document: SharedDocument | null;
    }
  | { type: 'admitted'; room: string }
  | { type: 'room'; room: string; notice: { zh: string; en: string } | null }
  | { type: 'muted' }
  | { type: 'removed' }
  | { type: 'ended' }
  /** Recording started (`on`) or stopped (`off`, with the reason): the mediator's browser starts or stops its recorder. */
  | {
      type: 'recording';
      state: 'on' | 'off';
      recordingId: string;
      reason: { code: string; zh: string; en: string } | null;
    }
  | { type: 'error'; code: string; message: { zh: string; en: string } };

/** A text frame's size limit: an SDP offer with many candidates stays well below it. */
export const MAX_SIGNAL_FRAME_BYTES = 64 * 1024;

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; reason: string };

const utf8 = new TextEncoder();
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;

/** Reads one text frame; anything that is not exactly one of the messages above is refused with a reason. */
export function parseClientMessage(frame: string): ParseResult {
  if (utf8.encode(frame).length > MAX_SIGNAL_FRAME_BYTES) return { ok: false, reason: 'frame too large' };
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not an object' };
  const m = value as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  switch (m.type) {
    case 'signal':
      if (keys !== 'data,to,type' || !isId(m.to)) return { ok: false, reason: 'signal needs to and data' };
      return { ok: true, message: { type: 'signal', to: m.to, data: m.data } };
    case 'chat': {
      if (keys !== 'body,type' || typeof m.body !== 'string') return { ok: false, reason: 'chat needs body' };
      const body = m.body.trim();
      if (body.length === 0 || body.length > INPUT_LIMITS.message)
        return { ok: false, reason: 'chat body length' };
      return { ok: true, message: { type: 'chat', body } };
    }
    case 'share':
      if (keys !== 'type,uploadId' || !isId(m.uploadId)) return { ok: false, reason: 'share needs uploadId' };
      return { ok: true, message: { type: 'share', uploadId: m.uploadId } };
    case 'admit':
    case 'remove':
    case 'mute':
      if (keys !== 'type,userId' || !isId(m.userId)) return { ok: false, reason: `${m.type} needs userId` };
      return { ok: true, message: { type: m.type, userId: m.userId } };
    case 'caucus':
      if (keys !== 'side,type' || !(SESSION_SIDES as readonly unknown[]).includes(m.side))
        return { ok: false, reason: 'caucus needs side investor or respondent' };
      return { ok: true, message: { type: 'caucus', side: m.side as PartySide } };
    case 'consent':
      if (keys !== 'given,type' || typeof m.given !== 'boolean')
        return { ok: false, reason: 'consent needs given true or false' };
      return { ok: true, message: { type: 'consent', given: m.given } };
    case 'record-start':
      if (keys !== 'mimeType,type' || typeof m.mimeType !== 'string' || !RECORDING_MIME.test(m.mimeType))
        return { ok: false, reason: 'record-start needs a WebM mimeType' };
      return { ok: true, message: { type: 'record-start', mimeType: m.mimeType } };
    case 'reunite':
    case 'end':
    case 'record-stop':
      if (keys !== 'type') return { ok: false, reason: `${m.type} takes no fields` };
      return { ok: true, message: { type: m.type } };
    default:
      return { ok: false, reason: 'unknown type' };
  }
}
