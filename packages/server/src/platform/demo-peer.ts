import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { storePeer } from '../use-cases/docking/register-peer.ts';

interface Identity {
  platformId: string;
  platform: 'court' | 'mediation';
  name: string;
  keys: Array<{ publicKeyPem: string; algorithm: 'SM2' | 'Ed25519' }>;
}

const isIdentity = (value: unknown): value is Identity =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Identity).platformId === 'string' &&
  ((value as Identity).platform === 'court' || (value as Identity).platform === 'mediation') &&
  Array.isArray((value as Identity).keys);

/**
 * Demo only (`npm start` with --seed-demo and SUTIAO_PEER_URL): registers the other demo platform as soon as it
 * answers, trusting the key it publishes at first contact. A real deployment never does this — its system
 * administrator registers the peer with keys compared out of band (the peers page, `npm run docking:peer`).
 */
export function wireDemoPeer(deps: Deps, peerUrl: string, onRegistered: () => void): { stop(): void } {
  let stopped = false;
  const attempt = async (): Promise<boolean> => {
    const answer = await fetch(new URL('/api/docking/identity', peerUrl), {
      signal: AbortSignal.timeout(3000),
    });
    if (!answer.ok) return false;
    const identity: unknown = await answer.json();
    if (!isIdentity(identity) || identity.platform === deps.platform) return false;
    const known = await deps.db
      .selectFrom('docking_peers')
      .select('base_url')
      .where('id', '=', identity.platformId)
      .executeTakeFirst();
    // A demo data folder started again on other ports (a copy, as the journeys make) points the peer anew.
    if (known?.base_url !== peerUrl) {
      await storePeer(
        deps,
        { requestId: newId(), actor: null, actorRole: 'demo-setup' },
        {
          id: identity.platformId,
          platform: identity.platform,
          name: identity.name,
          baseUrl: peerUrl,
          keys: identity.keys.map((k) => ({ publicKeyPem: k.publicKeyPem, algorithm: k.algorithm })),
        },
      );
      console.log(`[${deps.platform}] demo: registered peer ${identity.platformId} at ${peerUrl}`);
    }
    onRegistered();
    return true;
  };
  void (async () => {
    for (let i = 0; i < 120 && !stopped; i += 1) {
      if (await attempt().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 1000).unref());
    }
  })();
  return {
    stop: () => {
      stopped = true;
    },
  };
}
