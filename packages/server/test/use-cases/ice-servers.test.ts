import { describe, expect, it } from 'vitest';
import type { Deps, SignedInContext } from '../../src/deps.ts';
import { getIceServers } from '../../src/use-cases/mediation/sessions/get-ice-servers.ts';

const ctx = { actor: { userId: 'u-1' } } as SignedInContext;
const depsWith = (media: Deps['media']) => ({ media, now: () => new Date('2026-12-04T00:00:00Z') }) as Deps;

describe('ICE servers for a session’s browser', () => {
  it('asks for relay-only candidates only when there is a TURN server to relay through', () => {
    const base = { stunUrls: ['stun:stun.example.cn:3478'], turnUrls: [], turnSecret: null, relayOnly: true };
    // Relay-only without TURN would leave the browsers no candidate at all: the setting is not applied.
    expect(getIceServers(depsWith(base), ctx).iceTransportPolicy).toBe('all');
    expect(
      getIceServers(depsWith({ ...base, turnUrls: ['turn:turn.example.cn:3478'] }), ctx).iceTransportPolicy,
    ).toBe('all');
    const relayed = getIceServers(
      depsWith({ ...base, turnUrls: ['turn:turn.example.cn:3478'], turnSecret: 'secret' }),
      ctx,
    );
    expect(relayed.iceTransportPolicy).toBe('relay');
    expect(relayed.iceServers.at(-1)).toMatchObject({ urls: ['turn:turn.example.cn:3478'] });
    expect(
      getIceServers(
        depsWith({
          ...base,
          turnUrls: ['turn:turn.example.cn:3478'],
          turnSecret: 'secret',
          relayOnly: false,
        }),
        ctx,
      ).iceTransportPolicy,
    ).toBe('all');
  });
});
