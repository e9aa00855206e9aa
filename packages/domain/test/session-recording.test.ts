import { describe, expect, it } from 'vitest';
import { fire } from '../src/lifecycles/state-machine.ts';
import {
  missingChunks,
  missingConsents,
  RECORDING_LIFECYCLE,
  recordingAudience,
  RECORDING_MIME,
} from '../src/sessions/session-recording.ts';
import type { Seat } from '../src/sessions/session-rooms.ts';
import { parseClientMessage } from '../src/sessions/signaling-messages.ts';

const seat = (userId: string, role: Seat['role'], presence: Seat['presence']): Seat => ({
  userId,
  role,
  side: role === 'mediator' ? null : 'investor',
  presence,
});

describe('session recording', () => {
  it('needs the consent of everyone admitted, in any room, and of nobody waiting or away', () => {
    const state = {
      seats: new Map(
        [
          seat('med', 'mediator', 'admitted'),
          seat('inv', 'party', 'admitted'),
          seat('agent', 'agent', 'admitted'),
          seat('late', 'party', 'waiting'),
          seat('gone', 'party', 'away'),
        ].map((s) => [s.userId, s]),
      ),
      caucus: 'investor' as const,
    };
    expect(missingConsents(state, new Set(['med']))).toEqual(['inv', 'agent']);
    expect(missingConsents(state, new Set(['med', 'inv']))).toEqual(['agent']);
    expect(missingConsents(state, new Set(['med', 'inv', 'agent']))).toEqual([]);
  });

  it('plays a recording made in a caucus only for the people in it; one made in the main room for everyone', () => {
    const seats = new Map(
      [
        { userId: 'med', role: 'mediator', side: null, presence: 'admitted' },
        { userId: 'inv', role: 'party', side: 'investor', presence: 'admitted' },
        { userId: 'agent', role: 'agent', side: 'investor', presence: 'away' },
        { userId: 'firm', role: 'party', side: 'respondent', presence: 'admitted' },
      ].map((s) => [s.userId, s as Seat]),
    );
    expect(recordingAudience({ seats, caucus: null }, 'med')).toBeNull();
    expect(recordingAudience({ seats, caucus: 'investor' }, 'med')).toEqual(['med', 'inv', 'agent']);
    expect(recordingAudience({ seats, caucus: 'respondent' }, 'med')).toEqual(['med', 'firm']);
  });

  it('names the chunks missing from a recording said to have `count` chunks', () => {
    expect(missingChunks([0, 1, 2], 3)).toEqual([]);
    expect(missingChunks([2, 0], 4)).toEqual([1, 3]);
    expect(missingChunks([], 0)).toEqual([]);
    expect(missingChunks([], 2)).toEqual([0, 1]);
  });

  it('stops a running recording once and finishes a stopped one once, by its mediator or the platform', () => {
    const by = { byMediatorOrPlatform: true };
    expect(fire(RECORDING_LIFECYCLE, 'recording', 'stop', by)).toMatchObject({ ok: true, to: 'stopped' });
    expect(fire(RECORDING_LIFECYCLE, 'stopped', 'finish', by)).toMatchObject({ ok: true, to: 'finished' });
    expect(fire(RECORDING_LIFECYCLE, 'recording', 'finish', by)).toEqual({
      ok: false,
      code: 'CASE_ILLEGAL_EVENT',
    });
    expect(fire(RECORDING_LIFECYCLE, 'finished', 'stop', by).ok).toBe(false);
    expect(fire(RECORDING_LIFECYCLE, 'stopped', 'finish', { byMediatorOrPlatform: false })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('reads consent, a shared document and the mediator’s record commands exactly', () => {
    expect(parseClientMessage('{"type":"consent","given":true}')).toEqual({
      ok: true,
      message: { type: 'consent', given: true },
    });
    expect(parseClientMessage('{"type":"consent","given":"yes"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"consent"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"record-start","mimeType":"video/webm;codecs=vp8,opus"}')).toEqual({
      ok: true,
      message: { type: 'record-start', mimeType: 'video/webm;codecs=vp8,opus' },
    });
    expect(parseClientMessage('{"type":"record-start","mimeType":"video/mp4"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"record-start"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"share","uploadId":"u-1"}')).toEqual({
      ok: true,
      message: { type: 'share', uploadId: 'u-1' },
    });
    expect(parseClientMessage('{"type":"share","uploadId":""}').ok).toBe(false);
    expect(parseClientMessage('{"type":"share","uploadId":"u-1","to":"x"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"record-stop"}')).toEqual({
      ok: true,
      message: { type: 'record-stop' },
    });
    expect(parseClientMessage('{"type":"record-stop","now":true}').ok).toBe(false);
    for (const ok of ['video/webm', 'audio/webm;codecs=opus', 'video/webm;codecs="vp9,opus"'])
      expect(RECORDING_MIME.test(ok), ok).toBe(true);
    for (const bad of ['video/webm; x=<script>', 'text/html', 'video/webm;codecs=vp8,opus\n'])
      expect(RECORDING_MIME.test(bad), bad).toBe(false);
  });
});
