import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_EVENT_LABELS,
  CONFIRMATION_EVENTS,
  CONFIRMATION_REFUSAL_GROUNDS,
  CONFIRMATION_REJECTION_GROUNDS,
  CONFIRMATION_STATE_LABELS,
  CONFIRMATION_STATES,
  type ConfirmationContext,
  type ConfirmationEvent,
  type ConfirmationGuard,
  type ConfirmationParty,
  type ConfirmationState,
  COURT_CONFIRMATION,
} from '../src/lifecycles/judicial-confirmation.ts';
import { availableEvents, fire, illegalPairs, transitionsFor } from '../src/lifecycles/state-machine.ts';
import type { Actor } from '../src/permissions.ts';
import type { Role } from '../src/roles.ts';

const courtUser = (roles: Role[]): Pick<Actor, 'roles' | 'platform'> => ({ roles, platform: 'court' });
const officer = courtUser(['filing_officer']);
const judge = courtUser(['judge']);

/** One actor per party of the table; the system is the link's inbox or a job (no user). */
const PARTY_ACTOR: Record<ConfirmationParty, ConfirmationContext['actor']> = {
  filer: officer,
  reviewer: judge,
  system: null,
};

/** The actors the specification names, each checked against every legal pair. */
type Who = 'filing_officer' | 'judge' | 'system';
const WHO_ACTOR: Record<Who, ConfirmationContext['actor']> = {
  filing_officer: officer,
  judge,
  system: null,
};

const EVERY_ACTOR: ConfirmationContext['actor'][] = [
  officer,
  judge,
  courtUser(['court_admin']),
  courtUser(['sys_admin']),
  { roles: ['investor'], platform: 'mediation' },
  null,
];

/**
 * A context in which every guard passes: the ruling due in a week, supplements overdue since yesterday, every input
 * given (`other` is a ground both for refusal and for rejection).
 */
const SATISFYING: ConfirmationContext = {
  actor: null,
  today: '2026-11-20',
  case: {
    acceptanceDue: '2026-11-05',
    rulingDue: '2026-11-27',
    extended: false,
    supplementDue: '2026-11-19',
    judgeAssigned: true,
  },
  input: {
    note: '已询问双方当事人',
    groundCode: 'other',
    judgeId: 'judge-1',
    dueDate: '2026-11-30',
    approvedBy: '王院长',
  },
};

/** The specification, written apart from the table: where each event is legal, and who may fire it. */
const LEGAL: Record<ConfirmationEvent, ConfirmationState[]> = {
  accept: ['received'],
  refuse: ['received'],
  'assign-judge': ['accepted'],
  'request-supplement': ['reviewing'],
  'receive-supplement': ['awaiting_supplement'],
  'supplement-lapsed': ['awaiting_supplement'],
  'record-inquiry': ['reviewing'],
  'extend-review': ['reviewing', 'awaiting_supplement'],
  confirm: ['reviewing'],
  reject: ['reviewing'],
  withdraw: ['received', 'accepted', 'reviewing', 'awaiting_supplement'],
};

const WHO: Record<ConfirmationEvent, Who[]> = {
  accept: ['filing_officer'],
  refuse: ['filing_officer'],
  'assign-judge': ['filing_officer', 'judge'],
  'request-supplement': ['judge'],
  'receive-supplement': ['system'],
  'supplement-lapsed': ['judge'],
  'record-inquiry': ['judge'],
  'extend-review': ['judge'],
  confirm: ['judge'],
  reject: ['judge'],
  withdraw: ['system'],
};

const TARGET: Partial<Record<ConfirmationEvent, ConfirmationState>> = {
  accept: 'accepted',
  refuse: 'not_accepted',
  'assign-judge': 'reviewing',
  'request-supplement': 'awaiting_supplement',
  'receive-supplement': 'reviewing',
  'supplement-lapsed': 'withdrawn',
  'record-inquiry': 'reviewing',
  confirm: 'confirmed',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

/** For each guard, a change to the satisfying context that fails that guard and no other. */
const BREAK: Record<ConfirmationGuard, (ctx: ConfirmationContext) => ConfirmationContext[]> = {
  'note-given': (ctx) => [
    { ...ctx, input: { ...ctx.input, note: '   ' } },
    { ...ctx, input: { ...ctx.input, note: null } },
  ],
  'ground-given': (ctx) => [
    { ...ctx, input: { ...ctx.input, groundCode: null } },
    { ...ctx, input: { ...ctx.input, groundCode: ' ' } },
  ],
  'judge-chosen': (ctx) => [{ ...ctx, input: { ...ctx.input, judgeId: '' } }],
  'due-date-valid': (ctx) => [
    { ...ctx, input: { ...ctx.input, dueDate: null } },
    { ...ctx, input: { ...ctx.input, dueDate: ctx.today } },
    { ...ctx, input: { ...ctx.input, dueDate: '2026-11-19' } },
    { ...ctx, input: { ...ctx.input, dueDate: '2026-11-31' } },
  ],
  'president-approval': (ctx) => [
    { ...ctx, input: { ...ctx.input, approvedBy: null } },
    { ...ctx, input: { ...ctx.input, approvedBy: '  ' } },
  ],
  'not-extended': (ctx) => [{ ...ctx, case: { ...ctx.case, extended: true } }],
  'supplement-overdue': (ctx) => [
    { ...ctx, case: { ...ctx.case, supplementDue: ctx.today } },
    { ...ctx, case: { ...ctx.case, supplementDue: null } },
  ],
  'ground-known-refusal': (ctx) => [
    { ...ctx, input: { ...ctx.input, groundCode: 'not-voluntary' } },
    { ...ctx, input: { ...ctx.input, groundCode: 'toString' } },
  ],
  'ground-known-rejection': (ctx) => [
    { ...ctx, input: { ...ctx.input, groundCode: 'late' } },
    { ...ctx, input: { ...ctx.input, groundCode: 'constructor' } },
  ],
};

const lifecycle = COURT_CONFIRMATION;
const states = CONFIRMATION_STATES;
const events = CONFIRMATION_EVENTS;
const allPairs = states.flatMap((state) => events.map((event) => ({ state, event })));
const legalPairs = allPairs.filter(({ state, event }) => LEGAL[event].includes(state));

describe('lifecycle D at the court (司法确认案件) table', () => {
  it('names only its own states, events and guards, and every row has an actor', () => {
    expect(lifecycle.states).toEqual(states);
    expect(lifecycle.events).toEqual(events);
    for (const row of lifecycle.transitions) {
      for (const from of row.from) expect(states).toContain(from);
      expect(states).toContain(row.to as ConfirmationState);
      for (const guard of row.guards) expect(lifecycle.guards[guard]).toBeDefined();
      expect(row.actors.length).toBeGreaterThan(0);
    }
  });

  it('labels every state and event in both languages', () => {
    for (const state of states) expect(CONFIRMATION_STATE_LABELS[state].zh).toBeTruthy();
    for (const event of events) expect(CONFIRMATION_EVENT_LABELS[event].en).toBeTruthy();
    expect(Object.keys(CONFIRMATION_STATE_LABELS).sort()).toEqual([...states].sort());
    expect(Object.keys(CONFIRMATION_EVENT_LABELS).sort()).toEqual([...events].sort());
  });

  it('reaches every state from received and leaves no terminal state', () => {
    const reached = new Set<ConfirmationState>(['received']);
    for (const row of lifecycle.transitions) reached.add(row.to as ConfirmationState);
    expect([...reached].sort()).toEqual([...states].sort());
    expect([...lifecycle.terminalStates].sort()).toEqual([
      'confirmed',
      'not_accepted',
      'rejected',
      'withdrawn',
    ]);
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
    row.from.flatMap((from) =>
      row.actors.map((party) => [row.event, from, party, row.to as ConfirmationState] as const),
    ),
  );
  it.each(rows)('row %s from %s by %s → %s', (event, from, party, to) => {
    const result = fire(lifecycle, from, event, { ...SATISFYING, actor: PARTY_ACTOR[party] });
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
      for (const [who, actor] of Object.entries(WHO_ACTOR) as [Who, ConfirmationContext['actor']][]) {
        const result = fire(lifecycle, state, event, { ...SATISFYING, actor });
        if (WHO[event].includes(who)) {
          expect(result, who).toMatchObject({ ok: true, to: TARGET[event] ?? state });
        } else {
          expect(result, who).toEqual({ ok: false, code: 'FORBIDDEN' });
        }
      }
    },
  );

  const illegal = allPairs.filter(({ state, event }) => !LEGAL[event].includes(state));
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

  it('lets no one outside the court act: a court administrator, a system administrator, a judge off the court platform', () => {
    const outsiders = [
      courtUser(['court_admin']),
      courtUser(['sys_admin']),
      { roles: ['judge'] as Role[], platform: 'mediation' as const },
      { roles: ['investor'] as Role[], platform: 'mediation' as const },
    ];
    for (const { state, event } of legalPairs) {
      for (const actor of outsiders) {
        expect(fire(lifecycle, state, event, { ...SATISFYING, actor })).toEqual({
          ok: false,
          code: 'FORBIDDEN',
        });
      }
    }
  });

  const guarded = lifecycle.transitions.flatMap((row) =>
    row.guards.flatMap((guard) => row.from.map((from) => [row.event, from, guard, row.actors[0]!] as const)),
  );
  it.each(guarded)('%s from %s fails on %s alone', (event, from, guard, party) => {
    const satisfied = { ...SATISFYING, actor: PARTY_ACTOR[party] };
    expect(fire(lifecycle, from, event, satisfied).ok).toBe(true);
    for (const ctx of BREAK[guard](satisfied)) {
      expect(fire(lifecycle, from, event, ctx)).toEqual({ ok: false, code: 'GUARD_FAILED', guard });
    }
  });

  it('asks for the grounds and guards the specified events', () => {
    const guardsOf = (event: ConfirmationEvent) =>
      [
        ...new Set(lifecycle.transitions.filter((row) => row.event === event).flatMap((row) => row.guards)),
      ].sort();
    expect(guardsOf('refuse')).toEqual(['ground-given', 'ground-known-refusal']);
    expect(guardsOf('reject')).toEqual(['ground-given', 'ground-known-rejection']);
    expect(guardsOf('assign-judge')).toEqual(['judge-chosen']);
    expect(guardsOf('request-supplement')).toEqual(['due-date-valid', 'note-given']);
    expect(guardsOf('supplement-lapsed')).toEqual(['supplement-overdue']);
    expect(guardsOf('record-inquiry')).toEqual(['note-given']);
    expect(guardsOf('extend-review')).toEqual(['not-extended', 'note-given', 'president-approval']);
    for (const event of ['accept', 'receive-supplement', 'confirm', 'withdraw'] as const) {
      expect(guardsOf(event)).toEqual([]);
    }
  });
});

describe('confirmation grounds', () => {
  it('codes the grounds for non-acceptance and for rejection with their legal basis', () => {
    expect(Object.keys(CONFIRMATION_REFUSAL_GROUNDS)).toEqual([
      'outside-court-scope',
      'outside-jurisdiction',
      'personal-status',
      'special-procedure',
      'property-ownership',
      'late',
      'not-joint',
      'other',
    ]);
    expect(Object.keys(CONFIRMATION_REJECTION_GROUNDS)).toEqual([
      'violates-mandatory-law',
      'harms-public-or-third-party',
      'against-public-order',
      'not-voluntary',
      'content-unclear',
      'other',
    ]);
    for (const ground of [
      ...Object.values(CONFIRMATION_REFUSAL_GROUNDS),
      ...Object.values(CONFIRMATION_REJECTION_GROUNDS),
    ]) {
      expect(ground.zh).toBeTruthy();
      expect(ground.en).toBeTruthy();
      expect(ground.basis.zh).toMatch(/民事诉讼法|民诉法解释/);
    }
    expect(CONFIRMATION_REJECTION_GROUNDS['not-voluntary'].basis.zh).toContain('第三百五十八条');
    expect(CONFIRMATION_REFUSAL_GROUNDS['property-ownership'].basis.zh).toContain('第三百五十五条');
  });

  it('refuses with any refusal code and rejects with any rejection code', () => {
    for (const groundCode of Object.keys(CONFIRMATION_REFUSAL_GROUNDS)) {
      const ctx = { ...SATISFYING, actor: officer, input: { groundCode } };
      expect(fire(lifecycle, 'received', 'refuse', ctx)).toMatchObject({ ok: true, to: 'not_accepted' });
    }
    for (const groundCode of Object.keys(CONFIRMATION_REJECTION_GROUNDS)) {
      const ctx = { ...SATISFYING, actor: judge, input: { groundCode } };
      expect(fire(lifecycle, 'reviewing', 'reject', ctx)).toMatchObject({ ok: true, to: 'rejected' });
    }
  });
});

describe('court confirmation abilities (input guards skipped)', () => {
  const ctx = (actor: ConfirmationContext['actor'], facts: Partial<ConfirmationContext['case']> = {}) => ({
    ...SATISFYING,
    actor,
    case: { ...SATISFYING.case, ...facts },
    input: {},
  });

  it('offers the filing officer acceptance, and the judge the review', () => {
    expect(availableEvents(lifecycle, 'received', ctx(officer))).toEqual(['accept', 'refuse']);
    expect(availableEvents(lifecycle, 'received', ctx(judge))).toEqual([]);
    expect(availableEvents(lifecycle, 'accepted', ctx(officer))).toEqual(['assign-judge']);
    expect(availableEvents(lifecycle, 'accepted', ctx(judge))).toEqual(['assign-judge']);
    expect(availableEvents(lifecycle, 'reviewing', ctx(judge))).toEqual([
      'request-supplement',
      'record-inquiry',
      'extend-review',
      'confirm',
      'reject',
    ]);
    expect(availableEvents(lifecycle, 'reviewing', ctx(officer))).toEqual([]);
  });

  it('offers an extension once, and the lapse only after the time limit', () => {
    expect(availableEvents(lifecycle, 'reviewing', ctx(judge, { extended: true }))).not.toContain(
      'extend-review',
    );
    expect(availableEvents(lifecycle, 'awaiting_supplement', ctx(judge))).toEqual([
      'supplement-lapsed',
      'extend-review',
    ]);
    expect(
      availableEvents(lifecycle, 'awaiting_supplement', ctx(judge, { supplementDue: '2026-11-20' })),
    ).toEqual(['extend-review']);
  });

  it('leaves the system the applicants’ withdrawal and the supplements received', () => {
    expect(availableEvents(lifecycle, 'awaiting_supplement', ctx(null))).toEqual([
      'receive-supplement',
      'withdraw',
    ]);
    expect(availableEvents(lifecycle, 'received', ctx(null))).toEqual(['withdraw']);
    expect(availableEvents(lifecycle, 'confirmed', ctx(judge))).toEqual([]);
  });
});
