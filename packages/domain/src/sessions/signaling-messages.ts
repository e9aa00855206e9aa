import { INPUT_LIMITS } from '../input-limits.ts';
import { type PartySide, SESSION_SIDES } from './session-rooms.ts';

/**
 * The signaling protocol of a session's WebSocket, as JSON text frames. A client sends `ClientMessage`s; the server
 * answers with `ServerMessage`s. Offers, answers and ICE candidates travel inside `signal.data` untouched.
 */
export type ClientMessage =
  | { type: 'signal'; to: string; data: unknown }
  | { type: 'chat'; body: string }
  | { type: 'admit'; userId: string }
  | { type: 'remove'; userId: string }
  | { type: 'mute'; userId: string }
  | { type: 'caucus'; side: PartySide }
  | { type: 'reunite' }
  | { type: 'end' };

export type MediatorCommand = Extract<
  ClientMessage,
  { type: 'admit' | 'remove' | 'mute' | 'caucus' | 'reunite' | 'end' }
>;

export const MEDIATOR_COMMANDS: readonly MediatorCommand['type'][] = [
  'admit',
  'remove',
  'mute',
  'caucus',
  'reunite',
  'end',
];

export interface RosterEntry {
  userId: string;
  name: string;
  role: string;
  side: PartySide | null;
  presence: 'waiting' | 'admitted' | 'away';
  room: string;
}

export type ServerMessage =
  | { type: 'welcome'; userId: string; role: string; presence: 'waiting' | 'admitted'; room: string }
  | { type: 'roster'; caucus: PartySide | null; participants: RosterEntry[] }
  | { type: 'signal'; from: string; data: unknown }
  | { type: 'chat'; id: string; from: string; name: string; room: string; body: string; at: string }
  | { type: 'admitted'; room: string }
  | { type: 'room'; room: string; notice: { zh: string; en: string } | null }
  | { type: 'muted' }
  | { type: 'removed' }
  | { type: 'ended' }
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
    case 'admit':
    case 'remove':
    case 'mute':
      if (keys !== 'type,userId' || !isId(m.userId)) return { ok: false, reason: `${m.type} needs userId` };
      return { ok: true, message: { type: m.type, userId: m.userId } };
    case 'caucus':
      if (keys !== 'side,type' || !(SESSION_SIDES as readonly unknown[]).includes(m.side))
        return { ok: false, reason: 'caucus needs side investor or respondent' };
      return { ok: true, message: { type: 'caucus', side: m.side as PartySide } };
    case 'reunite':
    case 'end':
      if (keys !== 'type') return { ok: false, reason: `${m.type} takes no fields` };
      return { ok: true, message: { type: m.type } };
    default:
      return { ok: false, reason: 'unknown type' };
  }
}
