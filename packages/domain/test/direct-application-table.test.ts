import { describe, expect, it } from 'vitest';
import { DIRECT_APPLICATION } from '../src/lifecycles/direct-application.ts';
import {
  DIRECT_EVENTS,
  DIRECT_STATES,
  type DirectEvent,
  type DirectState,
} from '../src/lifecycles/direct-application-codes.ts';
import { fire, illegalPairs, transitionsFor } from '../src/lifecycles/state-machine.ts';
import { ACTORS, context, PARTY_ACTOR, SATISFYING } from './direct-application-fixtures.ts';

const PRE_EFFECTIVE: DirectState[] = [
  'draft',
  'submitted',
  'needs_supplement',
  'registered',
  'consulting',
  'accepted',
  'mediating',
  'agreement_pending',
];

/** The specification, written independently of the table: where each event is legal. */
const LEGAL: Record<DirectEvent, DirectState[]> = {
  submit: ['draft'],
  'request-supplement': ['submitted'],
  supplement: ['needs_supplement'],
  register: ['submitted'],
  'consult-respondent': ['registered'],
  'respondent-reply': ['consulting'],
  accept: ['consulting'],
  refuse: ['registered', 'consulting'],
  'set-track': ['accepted'],
  'assign-mediator': ['accepted'],
  'choose-mediator': ['accepted'],
  recuse: ['mediating'],
  'draft-agreement': ['mediating', 'agreement_pending'],
  'sign-agreement': ['agreement_pending'],
  'seal-agreement': ['agreement_pending'],
  fail: ['mediating', 'agreement_pending'],
  withdraw: PRE_EFFECTIVE,
  terminate: PRE_EFFECTIVE.filter((s) => s !== 'draft'),
  'record-payment': ['agreement_effective'],
};

/** Target of rows whose `to` depends on the context, for the SATISFYING context. */
const DYNAMIC_TARGET: Partial<Record<DirectEvent, DirectState>> = {
  'choose-mediator': 'accepted',
  'record-payment': 'performed',
};

describe('lifecycle A table', () => {
  it('uses exactly the states and events of docs/journey-api.md', () => {
    expect(DIRECT_APPLICATION.events).toEqual([...DIRECT_EVENTS]);
    expect(DIRECT_APPLICATION.states).toHaveLength(14);
    for (const row of DIRECT_APPLICATION.transitions) {
      for (const from of row.from) expect(DIRECT_STATES).toContain(from);
      if (typeof row.to === 'string') expect(DIRECT_STATES).toContain(row.to);
      for (const guard of row.guards) expect(DIRECT_APPLICATION.guards[guard]).toBeDefined();
      expect(row.actors.length).toBeGreaterThan(0);
    }
  });

  it('every event appears in the table and every state is reachable', () => {
    const reached = new Set<string>(['draft']);
    for (const row of DIRECT_APPLICATION.transitions) if (typeof row.to === 'string') reached.add(row.to);
    reached.add('mediating'); // choose-mediator when the parties agree
    reached.add('performed'); // record-payment of the balance
    expect([...reached].sort()).toEqual([...DIRECT_STATES].sort());
    for (const event of DIRECT_EVENTS) {
      expect(DIRECT_APPLICATION.transitions.some((row) => row.event === event)).toBe(true);
    }
  });

  it('terminal states have no outgoing transitions', () => {
    for (const state of DIRECT_APPLICATION.terminalStates) {
      for (const event of DIRECT_EVENTS) expect(transitionsFor(DIRECT_APPLICATION, state, event)).toEqual([]);
    }
  });

  const cases = DIRECT_APPLICATION.transitions.flatMap((row) =>
    row.from.flatMap((from) => row.actors.map((party) => ({ row, from, party }))),
  );

  it.each(cases.map(({ row, from, party }) => [row.event, from, party, row] as const))(
    'row %s from %s by %s fires with a satisfying context',
    (event, from, party, row) => {
      const { facts, input } = SATISFYING[event];
      const result = fire(DIRECT_APPLICATION, from, event, context(PARTY_ACTOR[party], facts, input ?? {}));
      const expected = typeof row.to === 'string' ? row.to : DYNAMIC_TARGET[event];
      expect(result).toMatchObject({ ok: true, to: expected });
    },
  );

  it('agents act for the applicant side', () => {
    const { input } = SATISFYING.withdraw;
    expect(fire(DIRECT_APPLICATION, 'consulting', 'withdraw', context(ACTORS.agent, {}, input)).ok).toBe(
      true,
    );
    expect(fire(DIRECT_APPLICATION, 'draft', 'submit', context(ACTORS.agent)).ok).toBe(true);
  });

  const allPairs = DIRECT_STATES.flatMap((state) => DIRECT_EVENTS.map((event) => ({ state, event })));

  it('the table matches the specification of legal (state, event) pairs', () => {
    for (const { state, event } of allPairs) {
      expect(transitionsFor(DIRECT_APPLICATION, state, event).length > 0, `${state} × ${event}`).toBe(
        LEGAL[event].includes(state),
      );
    }
    const legalCount = Object.values(LEGAL).reduce((sum, states) => sum + states.length, 0);
    expect(illegalPairs(DIRECT_APPLICATION)).toHaveLength(allPairs.length - legalCount);
  });

  const illegal = allPairs.filter(({ state, event }) => !LEGAL[event].includes(state));

  it.each(illegal.map(({ state, event }) => [state, event] as const))(
    'rejects %s × %s as CASE_ILLEGAL_EVENT for every actor',
    (state, event) => {
      const { facts, input } = SATISFYING[event];
      for (const actor of Object.values(ACTORS)) {
        expect(fire(DIRECT_APPLICATION, state, event, context(actor, facts, input ?? {}))).toEqual({
          ok: false,
          code: 'CASE_ILLEGAL_EVENT',
        });
      }
    },
  );
});
