import type { Deps, SignedInContext } from '../../../deps.ts';
import type { SessionView } from './present-session.ts';
import { runSessionEvent, type SessionEventInput } from './session-transition.ts';

/** The mediator cancels a session that has not opened; its people are told. */
export function cancelSession(
  deps: Deps,
  ctx: SignedInContext,
  input: SessionEventInput,
): Promise<SessionView> {
  return runSessionEvent(deps, ctx, 'cancel', input);
}
