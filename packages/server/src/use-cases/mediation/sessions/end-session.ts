import type { Deps, SignedInContext } from '../../../deps.ts';
import type { SessionView } from './present-session.ts';
import { sessionHub } from './session-hub.ts';
import { runSessionEvent, type SessionEventInput } from './session-transition.ts';

/** The mediator ends the session for everyone: recorded first, then every signaling connection is closed. */
export async function endSession(
  deps: Deps,
  ctx: SignedInContext,
  input: SessionEventInput,
): Promise<SessionView> {
  const view = await runSessionEvent(deps, ctx, 'end', input);
  sessionHub(deps).closeSession(input.sessionId);
  return view;
}
