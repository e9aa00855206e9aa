import { describe, expect, it } from 'vitest';
import {
  APPLICATION_AT_COURT,
  APPLICATION_EVENT_LABELS,
  APPLICATION_EVENTS,
  APPLICATION_OPEN_STATES,
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  type ApplicationContext,
  type ApplicationEvent,
  type ApplicationGuard,
  type ApplicationParty,
  type ApplicationSide,
  type ApplicationState,
  CONFIRMATION_APPLICATION,
} from '../src/lifecycles/confirmation-application.ts';
import { availableEvents, fire, illegalPairs, transitionsFor } from '../src/lifecycles/state-machine.ts';
import type { Actor } from '../src/permissions.ts';
import type { Role } from '../src/roles.ts';

type Speaker = { actor: ApplicationContext['actor']; actorSide: ApplicationSide | null };

const user = (roles: Role[], actorSide: ApplicationSide | null): Speaker => ({
  actor: { roles, platform: 'mediation' } satisfies Pick<Actor, 'roles' | 'platform'>,
  actorSide,
});

/** The investor applied; the respondent (the firm) is the co-applicant. */
const investor = user(['investor'], 'investor');
const firm = user(['respondent'], 'respondent');
const system: Speaker = { actor: null, actorSide: null };

const PARTY_SPEAKER: Record<ApplicationParty, Speaker> = {
  applicant: investor,
  'co-applicant': firm,
  party: investor,
  system,
};

/** The actors the specification names: the side that applied, the other side, the system. */
type Who = 'own' | 'other' | 'system';
const WHO_SPEAKER: Record<Who, Speaker> = { own: investor, other: firm, system };

const EVERY_SPEAKER: Speaker[] = [
  investor,
  firm,
  user(['agent'], 'investor'),
  user(['mediator'], null),
  user(['org_admin'], 'respondent'),
  { actor: { roles: ['filing_officer'], platform: 'court' }, actorSide: null },
  system,
];

/**
 * Contexts in which every guard passes: the investor applied, the court asked both sides for supplements, a note is
 * given; the window is open for the co-applicant's confirmation and closed for the lapse.
 */
const OPEN: ApplicationContext = {
  actor: null,
  actorSide: null,
  today: '2026-10-08',
  application: { appliedBy: 'investor', windowLastDay: '2026-10-08', supplementOf: 'both' },
  input: { note: '已补充证明材料' },
};
const satisfying = (event: ApplicationEvent, speaker: Speaker): ApplicationContext => ({
  ...OPEN,
  ...speaker,
  today: event === 'lapse' ? '2026-10-09' : OPEN.today,
});

/** The specification, written apart from the table: where each event is legal, who may fire it, where it leads. */
const LEGAL: Record<ApplicationEvent, ApplicationState[]> = {
  'co-confirm': ['awaiting_co_applicant'],
  'co-decline': ['awaiting_co_applicant'],
  lapse: ['awaiting_co_applicant'],
  withdraw: ['awaiting_co_applicant', 'submitted', 'accepted', 'supplement_requested'],
  'court-accept': ['submitted'],
  'court-refuse': ['submitted'],
  'court-request-supplement': ['accepted'],
  'answer-supplement': ['supplement_requested'],
  'court-confirm': ['accepted', 'supplement_requested'],
  'court-reject': ['accepted', 'supplement_requested'],
  'court-withdrawn': ['submitted', 'accepted', 'supplement_requested'],
};

const WHO: Record<ApplicationEvent, Who[]> = {
  'co-confirm': ['other'],
  'co-decline': ['other'],
  lapse: ['system'],
  withdraw: ['own', 'other'],
  'court-accept': ['system'],
  'court-refuse': ['system'],
  'court-request-supplement': ['system'],
  'answer-supplement': ['own', 'other'],
  'court-confirm': ['system'],
  'court-reject': ['system'],
  'court-withdrawn': ['system'],
};

const TARGET: Record<ApplicationEvent, ApplicationState> = {
  'co-confirm': 'submitted',
  'co-decline': 'co_applicant_declined',
  lapse: 'lapsed',
  withdraw: 'withdrawn',
  'court-accept': 'accepted',
  'court-refuse': 'not_accepted',
  'court-request-supplement': 'supplement_requested',
  'answer-supplement': 'accepted',
  'court-confirm': 'confirmed',
  'court-reject': 'rejected',
  'court-withdrawn': 'withdrawn',
};

/** For each guard, changes to a satisfying context that fail that guard and no other. */
const BREAK: Record<ApplicationGuard, (ctx: ApplicationContext) => ApplicationContext[]> = {
  'within-window': (ctx) => [{ ...ctx, today: '2026-10-09' }],
  'window-passed': (ctx) => [
    { ...ctx, today: '2026-10-08' },
    { ...ctx, today: '2026-09-02' },
  ],
  'note-given': (ctx) => [
    { ...ctx, input: { note: ' ' } },
    { ...ctx, input: {} },
    { ...ctx, input: undefined },
  ],
  'supplement-addressed-to-actor': (ctx) => [
    {
      ...ctx,
      application: {
        ...ctx.application,
        supplementOf: ctx.actorSide === 'investor' ? 'respondent' : 'investor',
      },
    },
    { ...ctx, application: { ...ctx.application, supplementOf: null } },
  ],
};

const lifecycle = CONFIRMATION_APPLICATION;
const states = APPLICATION_STATES;
const events = APPLICATION_EVENTS;
const allPairs = states.flatMap((state) => events.map((event) => ({ state, event })));
const legalPairs = allPairs.filter(({ state, event }) => LEGAL[event].includes(state));

describe('lifecycle D on the mediation platform (司法确认申请) table', () => {
  it('names only its own states, events and guards, and every row has an actor', () => {
    expect(lifecycle.states).toEqual(states);
    expect(lifecycle.events).toEqual(events);
    for (const row of lifecycle.transitions) {
      for (const from of row.from) expect(states).toContain(from);
      expect(states).toContain(row.to as ApplicationState);
      for (const guard of row.guards) expect(lifecycle.guards[guard]).toBeDefined();
      expect(row.actors.length).toBeGreaterThan(0);
    }
    expect(Object.keys(APPLICATION_STATE_LABELS).sort()).toEqual([...states].sort());
    expect(Object.keys(APPLICATION_EVENT_LABELS).sort()).toEqual([...events].sort());
  });

  it('reaches every state, leaves no terminal state, and calls every other state open', () => {
    const reached = new Set<ApplicationState>(['awaiting_co_applicant']);
    for (const row of lifecycle.transitions) reached.add(row.to as ApplicationState);
    expect([...reached].sort()).toEqual([...states].sort());
    expect([...lifecycle.terminalStates].sort()).toEqual([
      'co_applicant_declined',
      'confirmed',
      'lapsed',
      'not_accepted',
      'rejected',
      'withdrawn',
    ]);
    for (const state of lifecycle.terminalStates) {
      for (const event of events) expect(transitionsFor(lifecycle, state, event)).toEqual([]);
    }
    expect([...APPLICATION_OPEN_STATES].sort()).toEqual(
      states.filter((state) => !lifecycle.terminalStates.includes(state)).sort(),
    );
    for (const state of APPLICATION_OPEN_STATES) {
      expect(events.some((event) => transitionsFor(lifecycle, state, event).length > 0)).toBe(true);
    }
    expect(APPLICATION_AT_COURT).toEqual(['submitted', 'accepted', 'supplement_requested']);
  });

  const rows = lifecycle.transitions.flatMap((row) =>
    row.from.flatMap((from) =>
      row.actors.map((party) => [row.event, from, party, row.to as ApplicationState] as const),
    ),
  );
  it.each(rows)('row %s from %s by %s → %s', (event, from, party, to) => {
    const result = fire(lifecycle, from, event, satisfying(event, PARTY_SPEAKER[party]));
    expect(result).toMatchObject({ ok: true, to });
  });

  it('matches the specification of legal (state, event) pairs', () => {
    for (const { state, event } of allPairs) {
      expect(transitionsFor(lifecycle, state, event).length > 0, `${state} × ${event}`).toBe(
        LEGAL[event].includes(state),
      );
    }
    expect(illegalPairs(lifecycle)).toHaveLength(allPairs.length - legalPairs.length);
  });

  it.each(legalPairs.map(({ state, event }) => [state, event] as const))(
    '%s × %s: only the specified actors may fire it, to the specified state',
    (state, event) => {
      for (const [who, speaker] of Object.entries(WHO_SPEAKER) as [Who, Speaker][]) {
        const result = fire(lifecycle, state, event, satisfying(event, speaker));
        if (WHO[event].includes(who)) {
          expect(result, who).toMatchObject({ ok: true, to: TARGET[event] });
        } else {
          expect(result, who).toEqual({ ok: false, code: 'FORBIDDEN' });
        }
      }
    },
  );

  it('treats the respondent as the applicant when the firm applied', () => {
    const firmApplied = (speaker: Speaker) => ({
      ...satisfying('co-confirm', speaker),
      application: { ...OPEN.application, appliedBy: 'respondent' as const },
    });
    expect(fire(lifecycle, 'awaiting_co_applicant', 'co-confirm', firmApplied(investor))).toMatchObject({
      ok: true,
      to: 'submitted',
    });
    expect(fire(lifecycle, 'awaiting_co_applicant', 'co-confirm', firmApplied(firm))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    // An investor's agent speaks for the investor's side.
    expect(
      fire(lifecycle, 'awaiting_co_applicant', 'co-confirm', firmApplied(user(['agent'], 'investor'))),
    ).toMatchObject({ ok: true });
  });

  const illegal = allPairs.filter(({ state, event }) => !LEGAL[event].includes(state));
  it.each(illegal.map(({ state, event }) => [state, event] as const))(
    'rejects %s × %s as CASE_ILLEGAL_EVENT for every actor',
    (state, event) => {
      for (const speaker of EVERY_SPEAKER) {
        expect(fire(lifecycle, state, event, satisfying(event, speaker))).toEqual({
          ok: false,
          code: 'CASE_ILLEGAL_EVENT',
        });
      }
    },
  );

  it('lets no one act who may not apply, or who speaks for no side', () => {
    const outsiders: Speaker[] = [
      user(['mediator'], 'investor'),
      user(['org_admin'], 'respondent'),
      user(['regulator'], null),
      user(['investor'], null),
      user(['respondent'], null),
      { actor: { roles: ['investor'], platform: 'court' }, actorSide: 'investor' },
      { actor: { roles: ['judge'], platform: 'court' }, actorSide: null },
    ];
    for (const { state, event } of legalPairs) {
      for (const speaker of outsiders) {
        expect(fire(lifecycle, state, event, satisfying(event, speaker)), `${state} × ${event}`).toEqual({
          ok: false,
          code: 'FORBIDDEN',
        });
      }
    }
  });

  const guarded = lifecycle.transitions.flatMap((row) =>
    row.guards.flatMap((guard) =>
      row.from.flatMap((from) => row.actors.map((party) => [row.event, from, guard, party] as const)),
    ),
  );
  it.each(guarded)('%s from %s fails on %s alone (by %s)', (event, from, guard, party) => {
    const satisfied = satisfying(event, PARTY_SPEAKER[party]);
    expect(fire(lifecycle, from, event, satisfied).ok).toBe(true);
    for (const ctx of BREAK[guard](satisfied)) {
      expect(fire(lifecycle, from, event, ctx)).toEqual({ ok: false, code: 'GUARD_FAILED', guard });
    }
    if (party === 'party') {
      const other = satisfying(event, firm);
      for (const ctx of BREAK[guard](other)) {
        expect(fire(lifecycle, from, event, ctx)).toEqual({ ok: false, code: 'GUARD_FAILED', guard });
      }
    }
  });

  it('guards the specified events', () => {
    const guardsOf = (event: ApplicationEvent) =>
      [
        ...new Set(lifecycle.transitions.filter((row) => row.event === event).flatMap((row) => row.guards)),
      ].sort();
    expect(guardsOf('co-confirm')).toEqual(['within-window']);
    expect(guardsOf('co-decline')).toEqual(['note-given']);
    expect(guardsOf('lapse')).toEqual(['window-passed']);
    expect(guardsOf('withdraw')).toEqual(['note-given']);
    expect(guardsOf('answer-supplement')).toEqual(['note-given', 'supplement-addressed-to-actor']);
    for (const event of events.filter((e) => e.startsWith('court-'))) expect(guardsOf(event)).toEqual([]);
  });
});

describe('confirmation application abilities (input guards skipped)', () => {
  const ctx = (
    speaker: Speaker,
    facts: Partial<ApplicationContext['application']> = {},
    today = OPEN.today,
  ) => ({
    ...OPEN,
    ...speaker,
    today,
    application: { ...OPEN.application, ...facts },
    input: {},
  });

  it('offers the other side to join or decline within the window, and either side to withdraw', () => {
    expect(availableEvents(lifecycle, 'awaiting_co_applicant', ctx(firm))).toEqual([
      'co-confirm',
      'co-decline',
      'withdraw',
    ]);
    expect(availableEvents(lifecycle, 'awaiting_co_applicant', ctx(investor))).toEqual(['withdraw']);
    expect(availableEvents(lifecycle, 'awaiting_co_applicant', ctx(firm, {}, '2026-10-09'))).toEqual([
      'co-decline',
      'withdraw',
    ]);
    expect(availableEvents(lifecycle, 'awaiting_co_applicant', ctx(system, {}, '2026-10-09'))).toEqual([
      'lapse',
    ]);
    expect(availableEvents(lifecycle, 'awaiting_co_applicant', ctx(system))).toEqual([]);
  });

  it('offers the supplements only to the side they are addressed to', () => {
    expect(
      availableEvents(lifecycle, 'supplement_requested', ctx(firm, { supplementOf: 'respondent' })),
    ).toEqual(['withdraw', 'answer-supplement']);
    expect(
      availableEvents(lifecycle, 'supplement_requested', ctx(investor, { supplementOf: 'respondent' })),
    ).toEqual(['withdraw']);
    expect(availableEvents(lifecycle, 'submitted', ctx(system))).toEqual([
      'court-accept',
      'court-refuse',
      'court-withdrawn',
    ]);
  });
});
