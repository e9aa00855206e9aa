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
  'sign-for-receipt': ['awaiting_receipt'],
  decline: ['awaiting_receipt'],
  extend: ['accepted', 'mediating', 'agreement_pending'],
  'court-withdraw': ['awaiting_receipt', 'accepted', 'mediating', 'agreement_pending'],
  expire: ['accepted', 'mediating', 'agreement_pending'],
};

/** Target of rows whose `to` depends on the context, for the SATISFYING context. */
const DYNAMIC_TARGET: Partial<Record<DirectEvent, DirectState>> = {
  'choose-mediator': 'accepted',
  'record-payment': 'performed',
};

describe('lifecycle A table', () => {
  it('uses exactly the states and events of docs/journey-api.md', () => {
    expect(DIRECT_APPLICATION.events).toEqual([...DIRECT_EVENTS]);
    expect(DIRECT_APPLICATION.states).toHaveLength(16);
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
    reached.add('awaiting_receipt'); // where a court's referral arrives (created by the docking link)
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

describe('lifecycle A rows for court referrals', () => {
  const referred = { source: 'delegated' as const, courtDeadlineDate: '2026-06-30' };

  it('only court-referred cases can be signed for, returned, extended, withdrawn by the court or expired', () => {
    expect(
      fire(DIRECT_APPLICATION, 'awaiting_receipt', 'sign-for-receipt', context(ACTORS.orgAdmin)),
    ).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'court-referral',
    });
    expect(
      fire(DIRECT_APPLICATION, 'awaiting_receipt', 'sign-for-receipt', context(ACTORS.orgAdmin, referred)),
    ).toEqual({
      ok: true,
      to: 'accepted',
      deadline: { kind: 'court-period', unit: 'date', date: '2026-06-30' },
      keepDeadline: false,
    });
  });

  it("an extension needs the parties' consent and 1–30 days, and moves the court's period by those days", () => {
    const extend = (input: { days?: number; note?: string }) =>
      fire(DIRECT_APPLICATION, 'mediating', 'extend', context(ACTORS.mediator, referred, input));
    expect(extend({ days: 10 })).toMatchObject({ ok: false, guard: 'extension-consented' });
    expect(extend({ days: 31, note: '同意' })).toMatchObject({ ok: false, guard: 'extension-days-valid' });
    expect(extend({ days: 10, note: '双方同意' })).toMatchObject({
      ok: true,
      to: 'mediating',
      deadline: { kind: 'court-period', date: '2026-07-10' },
    });
  });

  it('the court withdraws and the scheduler expires only as their system users', () => {
    for (const actor of [ACTORS.orgAdmin, ACTORS.mediator, ACTORS.investor]) {
      expect(fire(DIRECT_APPLICATION, 'mediating', 'court-withdraw', context(actor, referred)).ok).toBe(
        false,
      );
      expect(fire(DIRECT_APPLICATION, 'mediating', 'expire', context(actor, referred)).ok).toBe(false);
    }
    expect(
      fire(DIRECT_APPLICATION, 'mediating', 'court-withdraw', context(ACTORS.courtLink, referred)).ok,
    ).toBe(true);
    expect(
      fire(DIRECT_APPLICATION, 'mediating', 'expire', context(ACTORS.scheduler, referred)),
    ).toMatchObject({
      ok: true,
      to: 'failed',
    });
  });

  it("a referred case's mediator assignment keeps the court's period, whatever the track", () => {
    const result = fire(
      DIRECT_APPLICATION,
      'accepted',
      'assign-mediator',
      context(ACTORS.orgAdmin, referred, { mediatorId: 'u-mediator' }),
    );
    expect(result).toMatchObject({ ok: true, deadline: { kind: 'court-period', date: '2026-06-30' } });
  });
});
