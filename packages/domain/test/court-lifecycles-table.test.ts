import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/permissions.ts';
import {
  COURT_DELEGATION,
  DELEGATION_EVENTS,
  DELEGATION_STATES,
  type DelegationEvent,
  type DelegationState,
} from '../src/lifecycles/court-delegation.ts';
import {
  COURT_ENTRUSTMENT,
  ENTRUSTMENT_EVENTS,
  ENTRUSTMENT_STATES,
  type EntrustmentEvent,
  type EntrustmentState,
} from '../src/lifecycles/court-entrustment.ts';
import type { CourtParty, CourtReferralContext } from '../src/lifecycles/court-referral.ts';
import {
  availableEvents,
  fire,
  illegalPairs,
  type Lifecycle,
  transitionsFor,
} from '../src/lifecycles/state-machine.ts';
import type { Role } from '../src/roles.ts';

const courtUser = (roles: Role[]): Pick<Actor, 'roles' | 'platform'> => ({ roles, platform: 'court' });

/** One actor per party of the tables; the system is the link's inbox or a job (no user). */
const PARTY_ACTOR: Record<CourtParty, CourtReferralContext['actor']> = {
  delegator: courtUser(['filing_officer']),
  filer: courtUser(['filing_officer']),
  entruster: courtUser(['judge']),
  adjudicator: courtUser(['judge']),
  system: null,
};

const EVERY_ACTOR: CourtReferralContext['actor'][] = [
  courtUser(['filing_officer']),
  courtUser(['judge']),
  courtUser(['court_admin']),
  courtUser(['sys_admin']),
  { roles: ['org_admin'], platform: 'mediation' },
  null,
];

/** A context in which every guard passes: a running period that ended yesterday, every input given. */
const SATISFYING: CourtReferralContext = {
  actor: null,
  today: '2026-11-20',
  case: { deadlineDate: '2026-11-19', extensionDays: 0 },
  input: { note: '双方同意', organizationId: 'org-center', procedure: 'summary', days: 10 },
};

/** The specifications, written apart from the tables: where each event is legal. */
const DELEGATION_LEGAL: Record<DelegationEvent, DelegationState[]> = {
  'record-consent': ['complaint_entered'],
  'record-refusal': ['complaint_entered'],
  delegate: ['consented'],
  receive: ['delegated'],
  decline: ['delegated'],
  progress: ['mediating'],
  extend: ['mediating'],
  'report-settled': ['mediating', 'expired'],
  'report-failed': ['mediating', 'expired'],
  'report-expired': ['mediating', 'expired'],
  expire: ['mediating'],
  file: ['refused', 'declined', 'failed', 'expired', 'settled'],
  withdraw: [
    'complaint_entered',
    'consented',
    'refused',
    'delegated',
    'mediating',
    'declined',
    'settled',
    'failed',
    'expired',
  ],
  'refer-confirmation': ['settled'],
};

const ENTRUSTMENT_LEGAL: Record<EntrustmentEvent, EntrustmentState[]> = {
  'record-consent': ['filed'],
  'record-refusal': ['filed'],
  entrust: ['consented'],
  receive: ['entrusted'],
  decline: ['entrusted'],
  progress: ['mediating'],
  extend: ['mediating'],
  'report-settled': ['mediating', 'expired'],
  'report-failed': ['mediating', 'expired'],
  'report-expired': ['mediating', 'expired'],
  expire: ['mediating'],
  recall: ['consented', 'entrusted', 'mediating'],
  'issue-document': ['settled'],
  'record-withdrawal': ['settled'],
  'resume-trial': ['declined', 'failed', 'expired'],
};

function walk<S extends string, E extends string, G extends string>(
  name: string,
  lifecycle: Lifecycle<S, E, G, CourtParty, CourtReferralContext>,
  states: readonly S[],
  events: readonly E[],
  legal: Record<E, S[]>,
) {
  describe(`${name} table`, () => {
    it('names only its own states, events and guards, and every row has an actor', () => {
      expect(lifecycle.states).toEqual(states);
      expect(lifecycle.events).toEqual(events);
      for (const row of lifecycle.transitions) {
        for (const from of row.from) expect(states).toContain(from);
        expect(states).toContain(row.to as S);
        for (const guard of row.guards) expect(lifecycle.guards[guard]).toBeDefined();
        expect(row.actors.length).toBeGreaterThan(0);
      }
    });

    it('reaches every state and leaves no terminal state', () => {
      const reached = new Set<S>([states[0] as S]);
      for (const row of lifecycle.transitions) reached.add(row.to as S);
      expect([...reached].sort()).toEqual([...states].sort());
      for (const state of lifecycle.terminalStates) {
        for (const event of events) expect(transitionsFor(lifecycle, state, event)).toEqual([]);
      }
      for (const state of states.filter((s) => !lifecycle.terminalStates.includes(s))) {
        expect(
          events.some((event) => transitionsFor(lifecycle, state, event).length > 0),
          `${state} is a dead end`,
        ).toBe(true);
      }
    });

    const rows = lifecycle.transitions.flatMap((row) =>
      row.from.flatMap((from) => row.actors.map((party) => [row.event, from, party, row.to as S] as const)),
    );
    it.each(rows)('row %s from %s by %s → %s', (event, from, party, to) => {
      const result = fire(lifecycle, from, event, { ...SATISFYING, actor: PARTY_ACTOR[party] });
      expect(result).toMatchObject({ ok: true, to });
    });

    const allPairs = states.flatMap((state) => events.map((event) => ({ state, event })));
    it('matches the specification of legal (state, event) pairs', () => {
      for (const { state, event } of allPairs) {
        expect(transitionsFor(lifecycle, state, event).length > 0, `${state} × ${event}`).toBe(
          legal[event].includes(state),
        );
      }
      const legalCount = Object.values<S[]>(legal).reduce((sum, s) => sum + s.length, 0);
      expect(illegalPairs(lifecycle)).toHaveLength(allPairs.length - legalCount);
    });

    const illegal = allPairs.filter(({ state, event }) => !legal[event].includes(state));
    it.each(illegal.map(({ state, event }) => [state, event] as const))(
      'rejects %s × %s as CASE_ILLEGAL_EVENT for every actor',
      (state, event) => {
        for (const actor of EVERY_ACTOR) {
          expect(fire(lifecycle, state, event, { ...SATISFYING, actor })).toEqual({
            ok: false,
            code: 'CASE_ILLEGAL_EVENT',
          });
        }
      },
    );

    it('lets no one outside the court act, and only the system report what the organization did', () => {
      const outsiders = [
        courtUser(['sys_admin']),
        courtUser(['court_admin']),
        { roles: ['judge'] as Role[], platform: 'mediation' as const },
      ];
      for (const row of lifecycle.transitions) {
        for (const from of row.from) {
          for (const actor of outsiders) {
            expect(fire(lifecycle, from, row.event, { ...SATISFYING, actor })).toEqual({
              ok: false,
              code: 'FORBIDDEN',
            });
          }
          if (!row.actors.includes('system')) {
            expect(fire(lifecycle, from, row.event, { ...SATISFYING, actor: null })).toEqual({
              ok: false,
              code: 'FORBIDDEN',
            });
          }
        }
      }
    });
  });
}

walk(
  'lifecycle B (court delegation)',
  COURT_DELEGATION,
  DELEGATION_STATES,
  DELEGATION_EVENTS,
  DELEGATION_LEGAL,
);
walk(
  'lifecycle C (court entrustment)',
  COURT_ENTRUSTMENT,
  ENTRUSTMENT_STATES,
  ENTRUSTMENT_EVENTS,
  ENTRUSTMENT_LEGAL,
);

describe('court referral guards', () => {
  const officer = courtUser(['filing_officer']);
  const judge = courtUser(['judge']);

  it('refuses a consent, refusal or withdrawal without a note', () => {
    const ctx = { ...SATISFYING, actor: officer, input: { note: '  ' } };
    expect(fire(COURT_DELEGATION, 'complaint_entered', 'record-consent', ctx)).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'note-given',
    });
    expect(fire(COURT_DELEGATION, 'mediating', 'withdraw', ctx)).toMatchObject({ guard: 'note-given' });
  });

  it('delegates only to an organization, and entrusts only with a procedure', () => {
    expect(
      fire(COURT_DELEGATION, 'consented', 'delegate', { ...SATISFYING, actor: officer, input: {} }),
    ).toMatchObject({ ok: false, guard: 'organization-chosen' });
    expect(
      fire(COURT_ENTRUSTMENT, 'consented', 'entrust', {
        ...SATISFYING,
        actor: judge,
        input: { organizationId: 'org-center' },
      }),
    ).toMatchObject({ ok: false, guard: 'procedure-chosen' });
  });

  it('caps extensions at 30 days in total', () => {
    const extend = (extensionDays: number, days: number) =>
      fire(COURT_DELEGATION, 'mediating', 'extend', {
        ...SATISFYING,
        actor: officer,
        case: { deadlineDate: '2026-11-30', extensionDays },
        input: { note: '双方书面同意延长', days },
      });
    expect(extend(0, 30).ok).toBe(true);
    expect(extend(20, 10).ok).toBe(true);
    expect(extend(20, 11)).toMatchObject({ ok: false, guard: 'extension-within-limit' });
    expect(extend(0, 0)).toMatchObject({ ok: false, guard: 'extension-within-limit' });
  });

  it('expires a period only after its last day', () => {
    const expire = (deadlineDate: string | null) =>
      fire(COURT_DELEGATION, 'mediating', 'expire', {
        ...SATISFYING,
        today: '2026-11-20',
        case: { deadlineDate, extensionDays: 0 },
      });
    expect(expire('2026-11-20')).toMatchObject({ ok: false, guard: 'deadline-passed' });
    expect(expire(null)).toMatchObject({ ok: false, guard: 'deadline-passed' });
    expect(expire('2026-11-19')).toMatchObject({ ok: true, to: 'expired' });
  });

  it('offers each court role its own actions (abilities skip input guards)', () => {
    const ctx = (actor: CourtReferralContext['actor']) => ({ ...SATISFYING, actor, input: {} });
    expect(availableEvents(COURT_DELEGATION, 'complaint_entered', ctx(officer))).toEqual([
      'record-consent',
      'record-refusal',
      'withdraw',
    ]);
    expect(availableEvents(COURT_DELEGATION, 'failed', ctx(officer))).toEqual(['file', 'withdraw']);
    expect(availableEvents(COURT_DELEGATION, 'failed', ctx(judge))).toEqual([]);
    expect(availableEvents(COURT_ENTRUSTMENT, 'settled', ctx(judge))).toEqual([
      'issue-document',
      'record-withdrawal',
    ]);
    expect(availableEvents(COURT_ENTRUSTMENT, 'settled', ctx(officer))).toEqual([]);
    expect(availableEvents(COURT_ENTRUSTMENT, 'mediating', ctx(null))).toContain('report-settled');
  });
});
