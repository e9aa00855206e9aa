import { describe, expect, it } from 'vitest';
import { fire } from '../src/lifecycles/state-machine.ts';
import { SESSION_LIFECYCLE, SESSION_OPENS_EARLY_MS } from '../src/sessions/session-lifecycle.ts';
import { mayReach, roomMates, roomOf, type Seat, sideIsPresent } from '../src/sessions/session-rooms.ts';
import { MAX_SIGNAL_FRAME_BYTES, parseClientMessage } from '../src/sessions/signaling-messages.ts';

const seat = (
  userId: string,
  role: Seat['role'],
  side: Seat['side'],
  presence: Seat['presence'] = 'admitted',
): Seat => ({
  userId,
  role,
  side,
  presence,
});
const seats = (...list: Seat[]) => new Map(list.map((s) => [s.userId, s]));

describe('session rooms', () => {
  const everyone = seats(
    seat('med', 'mediator', null),
    seat('inv', 'party', 'investor'),
    seat('agent', 'agent', 'investor'),
    seat('firm', 'party', 'respondent'),
    seat('late', 'party', 'respondent', 'waiting'),
  );

  it('puts everyone admitted in the main room, and nobody reaches a waiting or absent person', () => {
    const state = { seats: everyone, caucus: null };
    expect(roomMates(state, 'inv')).toEqual(['med', 'agent', 'firm']);
    expect(mayReach(state, 'inv', 'late')).toBe(false);
    expect(mayReach(state, 'late', 'med')).toBe(false);
    expect(mayReach(state, 'inv', 'inv')).toBe(false);
    expect(mayReach(state, 'inv', 'nobody')).toBe(false);
  });

  it('in caucus, joins the mediator with one side (agent included) and leaves the other side apart', () => {
    const state = { seats: everyone, caucus: 'investor' as const };
    expect(roomOf(everyone.get('med') as Seat, 'investor')).toBe('caucus-investor');
    expect(roomOf(everyone.get('agent') as Seat, 'investor')).toBe('caucus-investor');
    expect(roomOf(everyone.get('firm') as Seat, 'investor')).toBe('main');
    expect(roomMates(state, 'inv').sort()).toEqual(['agent', 'med']);
    expect(roomMates(state, 'firm')).toEqual([]);
    for (const [a, b] of [
      ['inv', 'firm'],
      ['firm', 'inv'],
      ['med', 'firm'],
      ['firm', 'med'],
      ['agent', 'firm'],
    ])
      expect(mayReach(state, a as string, b as string), `${a}→${b}`).toBe(false);
    const other = { seats: everyone, caucus: 'respondent' as const };
    expect(roomMates(other, 'med')).toEqual(['firm']);
    expect(roomMates(other, 'inv')).toEqual(['agent']);
  });

  it('needs someone of a side admitted to take it into caucus', () => {
    const state = {
      seats: seats(seat('med', 'mediator', null), seat('x', 'party', 'respondent', 'waiting')),
      caucus: null,
    };
    expect(sideIsPresent(state, 'respondent')).toBe(false);
    expect(sideIsPresent({ ...state, seats: everyone }, 'respondent')).toBe(true);
  });
});

describe('signaling messages', () => {
  it('reads each message type exactly, and refuses anything else with a reason', () => {
    expect(parseClientMessage('{"type":"signal","to":"u1","data":{"sdp":"v=0"}}')).toEqual({
      ok: true,
      message: { type: 'signal', to: 'u1', data: { sdp: 'v=0' } },
    });
    expect(parseClientMessage('{"type":"chat","body":"  你好 "}')).toEqual({
      ok: true,
      message: { type: 'chat', body: '你好' },
    });
    expect(parseClientMessage('{"type":"caucus","side":"respondent"}').ok).toBe(true);
    expect(parseClientMessage('{"type":"end"}').ok).toBe(true);
    for (const bad of [
      'not json',
      '[1]',
      'null',
      '{"type":"signal","to":"","data":1}',
      '{"type":"signal","to":"u1"}',
      '{"type":"chat","body":"   "}',
      `{"type":"chat","body":"${'长'.repeat(5001)}"}`,
      '{"type":"chat","body":"hi","room":"caucus-investor"}',
      '{"type":"caucus","side":"mediator"}',
      '{"type":"admit"}',
      '{"type":"end","force":true}',
      '{"type":"hack"}',
      JSON.stringify({ type: 'signal', to: 'u1', data: 'x'.repeat(MAX_SIGNAL_FRAME_BYTES) }),
    ]) {
      const parsed = parseClientMessage(bad);
      expect(parsed.ok, bad.slice(0, 60)).toBe(false);
    }
  });
});

describe('session lifecycle', () => {
  const start = new Date('2026-12-04T02:00:00Z');
  const at = (ms: number) => ({ isMediator: true, scheduledAt: start, now: new Date(start.getTime() + ms) });

  it('opens from 30 minutes before its start, only by its mediator; ends once; cancels only before it opened', () => {
    expect(fire(SESSION_LIFECYCLE, 'scheduled', 'open', at(-SESSION_OPENS_EARLY_MS - 1))).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
    });
    expect(fire(SESSION_LIFECYCLE, 'scheduled', 'open', at(-SESSION_OPENS_EARLY_MS))).toMatchObject({
      ok: true,
      to: 'open',
    });
    expect(fire(SESSION_LIFECYCLE, 'scheduled', 'open', { ...at(0), isMediator: false })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(fire(SESSION_LIFECYCLE, 'open', 'end', at(0))).toMatchObject({ ok: true, to: 'ended' });
    expect(fire(SESSION_LIFECYCLE, 'ended', 'end', at(0))).toMatchObject({
      ok: false,
      code: 'CASE_ILLEGAL_EVENT',
    });
    expect(fire(SESSION_LIFECYCLE, 'open', 'cancel', at(0))).toMatchObject({
      ok: false,
      code: 'CASE_ILLEGAL_EVENT',
    });
    expect(fire(SESSION_LIFECYCLE, 'scheduled', 'cancel', at(0))).toMatchObject({
      ok: true,
      to: 'cancelled',
    });
  });
});
