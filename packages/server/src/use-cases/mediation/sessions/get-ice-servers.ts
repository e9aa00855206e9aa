import { turnCredentials } from '../../../adapters/crypto/turn-credentials.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';

/** TURN credentials last a working session and a half; a browser asks again when it joins later. */
const TURN_TTL_SECONDS = 6 * 3600;

export interface IceConfig {
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  iceTransportPolicy: 'all' | 'relay';
}

/** Where a signed-in participant's browser finds its peers: STUN, and TURN with credentials of its own. */
export function getIceServers(deps: Deps, ctx: SignedInContext): IceConfig {
  const { stunUrls, turnUrls, turnSecret, relayOnly } = deps.media;
  const iceServers: IceConfig['iceServers'] = [];
  if (stunUrls.length > 0) iceServers.push({ urls: stunUrls });
  const hasTurn = turnUrls.length > 0 && turnSecret !== null;
  if (hasTurn) {
    const { username, credential } = turnCredentials(
      turnSecret,
      ctx.actor.userId,
      deps.now(),
      TURN_TTL_SECONDS,
    );
    iceServers.push({ urls: turnUrls, username, credential });
  }
  // Relay-only without a TURN server would leave the browsers no candidate at all: it takes a TURN entry.
  return { iceServers, iceTransportPolicy: relayOnly && hasTurn ? 'relay' : 'all' };
}
