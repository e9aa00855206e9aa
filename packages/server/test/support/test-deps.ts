import { signerFromPem } from '../../src/adapters/crypto/signer.ts';
import { createKeyring } from '../../src/adapters/crypto/sm4.ts';
import { dataKeyFromHex, type PlatformKeys } from '../../src/adapters/crypto/keys.ts';
import type { Database } from '../../src/adapters/db/database.ts';
import { createDockingLink } from '../../src/adapters/docking/docking-link.ts';
import { memoryBus } from '../../src/adapters/signaling/signal-bus.ts';
import type { Deps } from '../../src/deps.ts';
import type { PeerClient } from '../../src/use-cases/docking/docking-link.ts';
import { dockingOutbox } from '../../src/use-cases/docking/docking-outbox.ts';
import type { Platform } from '@sutiao/domain/roles.ts';

// Fixed keys, signing keys included: templates are seeded once per run in the global setup's process, and every
// test file's copy must decrypt what was encrypted there and verify what was signed there.
export const TEST_KEYS: Record<Platform, PlatformKeys> = {
  mediation: {
    signer: signerFromPem(
      [
        '-----BEGIN PRIVATE KEY-----',
        'MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgIWzuKFlpavTNVgDh',
        'IG3veoFdyz41qVZpiQul/wyLgc6hRANCAARljT/wmzO202WfbAOpABuk5I3YltfH',
        '/YJp/DbEaKS72e7qY4l+dFdP6Bx6e7GlVnT2j2GnjYBWjEhCbJUgCMOY',
        '-----END PRIVATE KEY-----',
      ].join('\n'),
    ),
    dataKeys: createKeyring(dataKeyFromHex('0123456789abcdeffedcba9876543210')),
    blindIndexKey: Buffer.from('6d65646961746f6e2d626c696e642d696e6465782d6b6579', 'hex'),
  },
  court: {
    signer: signerFromPem(
      [
        '-----BEGIN PRIVATE KEY-----',
        'MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgss/EmzhqXKj+PC7d',
        'TI8kZM6EbN8VJYCiNbd8+/409uuhRANCAASTPR2g6gxLwerzTsLOqLKxQbtWc0m1',
        'euXBDWk6+Ve4dDiqkTEEIwKSOieyWmueUH361sqOkV4QfQLJkJoosD/M',
        '-----END PRIVATE KEY-----',
      ].join('\n'),
    ),
    dataKeys: createKeyring(dataKeyFromHex('fedcba98765432100123456789abcdef')),
    blindIndexKey: Buffer.from('636f7572742d626c696e642d696e6465782d6b65792d3031', 'hex'),
  },
};

/** A platform's dependencies over `database` with the test keys; the caller chooses the clock, sink and store. */
export function testDeps(
  database: Database,
  platform: Platform,
  parts: Pick<Deps, 'now' | 'notify' | 'storage'> & Partial<Pick<Deps, 'signals'>> & { client?: PeerClient },
): Deps {
  const { client, ...rest } = parts;
  return {
    db: database.db,
    engine: database.engine,
    platform,
    keys: TEST_KEYS[platform],
    publicUrl: 'http://127.0.0.1:0',
    outbox: dockingOutbox(parts.now),
    docking: createDockingLink({
      platformId: TEST_PLATFORM_IDS[platform],
      signer: TEST_KEYS[platform].signer,
      ...(client ? { client } : {}),
    }),
    media: TEST_MEDIA_RELAY,
    signals: memoryBus(),
    ...rest,
  };
}

/** The platform ids the two test platforms register each other under. */
export const TEST_PLATFORM_IDS: Record<Platform, string> = {
  court: 'test-court',
  mediation: 'test-mediation',
};

/** A TURN server as a deployment configures it (coturn with use-auth-secret), so ICE credentials can be checked. */
export const TEST_MEDIA_RELAY = {
  stunUrls: ['stun:127.0.0.1:3478'],
  turnUrls: ['turn:127.0.0.1:3478?transport=udp'],
  turnSecret: 'test-turn-secret',
  relayOnly: false,
};
