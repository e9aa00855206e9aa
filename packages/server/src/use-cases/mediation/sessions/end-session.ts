import type { Deps, SignedInContext } from '../../../deps.ts';
import type { SessionView } from './present-session.ts';
import { sessionSignaling } from './signaling-relay.ts';
import { runSessionEvent, type SessionEventInput } from './session-transition.ts';

/** The mediator ends the session for everyone: recorded first, then every signaling connection is closed. */
export async function endSession(
  deps: Deps,
  ctx: SignedInContext,
  input: SessionEventInput,
): Promise<SessionView> {
  const view = await runSessionEvent(deps, ctx, 'end', input);
  // Ended all the same should the host be out of reach: its periodic check closes rooms of ended sessions.
  await sessionSignaling(deps)
    .closeSession(input.sessionId)
    .catch(() => undefined);
  return view;
}
