import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/adapters/db/database.ts';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import type { PeerClient } from '../../src/use-cases/docking/docking-link.ts';
import { relayOutbox } from '../../src/use-cases/docking/relay-outbox.ts';
import { storePeer } from '../../src/use-cases/docking/register-peer.ts';
import { createTestApp, TEST_KEYS, type TestApp } from './test-platform.ts';
import { TEST_PLATFORM_IDS } from './test-deps.ts';

/** The other platform reached through Fastify's inject (HTTP semantics, no sockets); a test may break it. */
export function injectClient(target: () => FastifyInstance, faults: LinkFaults): PeerClient {
  return {
    async deliver(_baseUrl, envelope: DockingEnvelope) {
      if (faults.down) throw new Error('connect ECONNREFUSED (simulated)');
      const res = await target().inject({ method: 'POST', url: '/api/docking/messages', payload: envelope });
      if (faults.loseAnswers > 0) {
        faults.loseAnswers -= 1;
        throw new Error('socket hang up after the request (simulated)');
      }
      return { status: res.statusCode, body: res.json() };
    },
    async fetchAttachment(_baseUrl, request) {
      const res = await target().inject({
        method: 'POST',
        url: '/api/docking/attachments',
        payload: request,
      });
      return { status: res.statusCode, bytes: res.statusCode === 200 ? res.rawPayload : null };
    },
  };
}

export interface LinkFaults {
  /** Every delivery fails before reaching the peer. */
  down: boolean;
  /** The next N deliveries reach the peer and take effect, but their answers are lost. */
  loseAnswers: number;
}

export interface LinkedPlatforms {
  court: TestApp;
  mediation: TestApp;
  faults: { court: LinkFaults; mediation: LinkFaults };
  /** Runs both relays until neither has anything due; returns how many deliveries were attempted. */
  deliverAll(): Promise<number>;
  /** Moves both platforms' clocks together. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Both platforms in one process, each with its own database and keys, registered as each other's peers. */
export async function createLinkedPlatforms(engine: Engine): Promise<LinkedPlatforms> {
  const [court, mediation] = await Promise.all([
    createTestApp(engine, 'court'),
    createTestApp(engine, 'mediation'),
  ]);
  mediation.clock.now = court.clock.now;
  const faults = { court: { down: false, loseAnswers: 0 }, mediation: { down: false, loseAnswers: 0 } };
  court.deps.docking.client = injectClient(() => mediation.app, faults.court);
  mediation.deps.docking.client = injectClient(() => court.app, faults.mediation);
  const ctx = { requestId: 'test-link-setup', actor: null, actorRole: 'test' };
  await storePeer(court.deps, ctx, {
    id: TEST_PLATFORM_IDS.mediation,
    platform: 'mediation',
    name: '中国投资者网在线调解平台（测试）',
    baseUrl: 'http://mediation.test',
    keys: [
      {
        publicKeyPem: TEST_KEYS.mediation.signer.publicKeyPem,
        algorithm: 'SM2',
        validFrom: '2020-01-01T00:00:00Z',
      },
    ],
  });
  await storePeer(mediation.deps, ctx, {
    id: TEST_PLATFORM_IDS.court,
    platform: 'court',
    name: '人民法院调解平台（测试）',
    baseUrl: 'http://court.test',
    keys: [
      {
        publicKeyPem: TEST_KEYS.court.signer.publicKeyPem,
        algorithm: 'SM2',
        validFrom: '2020-01-01T00:00:00Z',
      },
    ],
  });
  return {
    court,
    mediation,
    faults,
    async deliverAll() {
      let attempts = 0;
      for (let round = 0; round < 50; round += 1) {
        const [a, b] = await Promise.all([relayOutbox(court.deps), relayOutbox(mediation.deps)]);
        attempts += a.claimed + b.claimed;
        if (a.claimed + b.claimed === 0) break;
      }
      return attempts;
    },
    advance(ms) {
      court.clock.advance(ms);
      mediation.clock.now = court.clock.now;
    },
    async close() {
      await Promise.all([court.app.close(), mediation.app.close()]);
      await Promise.all([court.close(), mediation.close()]);
    },
  };
}
