import type { Deps, SignedInContext } from '../../../deps.ts';
import type { SessionView } from './present-session.ts';
import { runSessionEvent, type SessionEventInput } from './session-transition.ts';

/** The mediator opens the session (from 30 minutes before its start): participants can then join its waiting room. */
export function openSession(
  deps: Deps,
  ctx: SignedInContext,
  input: SessionEventInput,
): Promise<SessionView> {
  return runSessionEvent(deps, ctx, 'open', input);
}
