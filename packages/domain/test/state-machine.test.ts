import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  fire,
  illegalPairs,
  isTerminal,
  type Lifecycle,
} from '../src/lifecycles/state-machine.ts';

type Ctx = { role: 'a' | 'b'; ready: boolean; input?: { ok?: boolean } };
type S = 'open' | 'done' | 'closed';
type E = 'finish' | 'close' | 'poke';

const toy: Lifecycle<S, E, 'ready' | 'input-ok', 'a' | 'b', Ctx> = {
  name: 'toy',
  states: ['open', 'done', 'closed'],
  events: ['finish', 'close', 'poke'],
  terminalStates: ['closed'],
  guards: {
    ready: { check: (ctx) => ctx.ready, zh: '未就绪', en: 'not ready' },
    'input-ok': { check: (ctx) => ctx.input?.ok === true, needsInput: true, zh: '输入无效', en: 'bad input' },
  },
  parties: { a: (ctx) => ctx.role === 'a', b: (ctx) => ctx.role === 'b' },
  transitions: [
    {
      event: 'finish',
      from: ['open'],
      to: 'done',
      actors: ['a'],
      guards: ['ready', 'input-ok'],
      deadline: { kind: 'k', unit: 'calendar-days', count: 5 },
    },
    // A second row for the same event: party b may finish without being ready.
    {
      event: 'finish',
      from: ['open'],
      to: (ctx) => (ctx.ready ? 'done' : 'closed'),
      actors: ['b'],
      guards: [],
    },
    { event: 'close', from: ['open', 'done'], to: 'closed', actors: ['a', 'b'], guards: [] },
    { event: 'poke', from: ['open'], to: 'open', actors: ['a'], guards: ['input-ok'] },
  ],
};

describe('state machine engine', () => {
  it('illegal events come first, then party, then guards', () => {
    expect(fire(toy, 'closed', 'finish', { role: 'b', ready: false })).toEqual({
      ok: false,
      code: 'CASE_ILLEGAL_EVENT',
    });
    expect(fire(toy, 'done', 'poke', { role: 'a', ready: true })).toEqual({
      ok: false,
      code: 'CASE_ILLEGAL_EVENT',
    });
    expect(fire(toy, 'open', 'poke', { role: 'b', ready: true })).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(fire(toy, 'open', 'finish', { role: 'a', ready: false })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'ready',
    });
    expect(fire(toy, 'open', 'finish', { role: 'a', ready: true })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'input-ok',
    });
  });

  it('returns the target and deadline of the first permitted row whose guards pass', () => {
    expect(fire(toy, 'open', 'finish', { role: 'a', ready: true, input: { ok: true } })).toEqual({
      ok: true,
      to: 'done',
      deadline: { kind: 'k', unit: 'calendar-days', count: 5 },
      keepDeadline: false,
    });
    expect(fire(toy, 'open', 'finish', { role: 'b', ready: false })).toEqual({
      ok: true,
      to: 'closed',
      keepDeadline: false,
    });
    expect(fire(toy, 'open', 'poke', { role: 'a', ready: false, input: { ok: true } })).toEqual({
      ok: true,
      to: 'open',
      keepDeadline: true,
    });
  });

  it('availableEvents skips input guards but not state guards', () => {
    expect(availableEvents(toy, 'open', { role: 'a', ready: true })).toEqual(['finish', 'close', 'poke']);
    expect(availableEvents(toy, 'open', { role: 'a', ready: false })).toEqual(['close', 'poke']);
    expect(availableEvents(toy, 'open', { role: 'b', ready: false })).toEqual(['finish', 'close']);
    expect(availableEvents(toy, 'closed', { role: 'a', ready: true })).toEqual([]);
  });

  it('lists illegal pairs and terminal states', () => {
    expect(illegalPairs(toy)).toEqual([
      { state: 'done', event: 'finish' },
      { state: 'done', event: 'poke' },
      { state: 'closed', event: 'finish' },
      { state: 'closed', event: 'close' },
      { state: 'closed', event: 'poke' },
    ]);
    expect(isTerminal(toy, 'closed')).toBe(true);
    expect(isTerminal(toy, 'open')).toBe(false);
  });
});
