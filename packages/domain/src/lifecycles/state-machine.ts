import type { DeadlineRule } from './deadline-rules.ts';

export type { DeadlineRule } from './deadline-rules.ts';

/** A named predicate over the context. `needsInput` guards read the event's body and are skipped for abilities. */
export interface GuardDefinition<Ctx> {
  readonly check: (ctx: Ctx) => boolean;
  readonly needsInput?: boolean;
  readonly zh: string;
  readonly en: string;
}

export interface Transition<S extends string, E extends string, G extends string, P extends string, Ctx> {
  readonly from: readonly S[];
  readonly event: E;
  readonly to: S | ((ctx: Ctx) => S);
  readonly guards: readonly G[];
  /** Parties (named in the lifecycle's `parties`) who may fire this transition. */
  readonly actors: readonly P[];
  /** Deadline that starts on entering `to`; absent on a self-transition means the running deadline is kept. */
  readonly deadline?: DeadlineRule | ((ctx: Ctx) => DeadlineRule | undefined);
}

export interface Lifecycle<S extends string, E extends string, G extends string, P extends string, Ctx> {
  readonly name: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly terminalStates: readonly S[];
  readonly guards: Readonly<Record<G, GuardDefinition<Ctx>>>;
  readonly parties: Readonly<Record<P, (ctx: Ctx) => boolean>>;
  readonly transitions: readonly Transition<S, E, G, P, Ctx>[];
}

export type FireResult<S extends string, G extends string> =
  | { ok: true; to: S; deadline?: DeadlineRule; keepDeadline: boolean }
  | { ok: false; code: 'CASE_ILLEGAL_EVENT' }
  | { ok: false; code: 'FORBIDDEN' }
  | { ok: false; code: 'GUARD_FAILED'; guard: G };

/** Rows of the table for this state and event, in table order. */
export function transitionsFor<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
  state: S,
  event: E,
): Transition<S, E, G, P, Ctx>[] {
  return lifecycle.transitions.filter((row) => row.event === event && row.from.includes(state));
}

function firstFailingGuard<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
  row: Transition<S, E, G, P, Ctx>,
  ctx: Ctx,
  skipInputGuards: boolean,
): G | undefined {
  return row.guards.find((name) => {
    const guard = lifecycle.guards[name];
    if (skipInputGuards && guard.needsInput) return false;
    return !guard.check(ctx);
  });
}

/**
 * Decides one event: illegal in this state → CASE_ILLEGAL_EVENT; no row whose parties include the actor → FORBIDDEN;
 * otherwise the first permitted row whose guards all pass wins, else GUARD_FAILED naming the first failing guard.
 */
export function fire<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
  currentState: S,
  event: E,
  ctx: Ctx,
  options: { skipInputGuards?: boolean } = {},
): FireResult<S, G> {
  const rows = transitionsFor(lifecycle, currentState, event);
  if (rows.length === 0) return { ok: false, code: 'CASE_ILLEGAL_EVENT' };
  const permitted = rows.filter((row) => row.actors.some((party) => lifecycle.parties[party](ctx)));
  if (permitted.length === 0) return { ok: false, code: 'FORBIDDEN' };
  let failed: G | undefined;
  for (const row of permitted) {
    const guard = firstFailingGuard(lifecycle, row, ctx, options.skipInputGuards ?? false);
    if (guard !== undefined) {
      failed ??= guard;
      continue;
    }
    const to = typeof row.to === 'function' ? row.to(ctx) : row.to;
    const deadline = typeof row.deadline === 'function' ? row.deadline(ctx) : row.deadline;
    return deadline
      ? { ok: true, to, deadline, keepDeadline: false }
      : { ok: true, to, keepDeadline: to === currentState };
  }
  return { ok: false, code: 'GUARD_FAILED', guard: failed as G };
}

/** Abilities: events this actor may fire now. Guards that need the event's body are not evaluated. */
export function availableEvents<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
  state: S,
  ctx: Ctx,
): E[] {
  return lifecycle.events.filter((event) => fire(lifecycle, state, event, ctx, { skipInputGuards: true }).ok);
}

/** Every (state, event) pair with no row: the pairs `fire` must reject as CASE_ILLEGAL_EVENT. */
export function illegalPairs<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
): Array<{ state: S; event: E }> {
  return lifecycle.states.flatMap((state) =>
    lifecycle.events
      .filter((event) => transitionsFor(lifecycle, state, event).length === 0)
      .map((event) => ({ state, event })),
  );
}

export function isTerminal<S extends string, E extends string, G extends string, P extends string, Ctx>(
  lifecycle: Lifecycle<S, E, G, P, Ctx>,
  state: S,
): boolean {
  return lifecycle.terminalStates.includes(state);
}
