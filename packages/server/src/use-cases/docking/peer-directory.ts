import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { PeerKey, RegisteredSender } from '@sutiao/domain/docking/protocol.ts';
import type { Platform } from '@sutiao/domain/roles.ts';

export interface RegisteredPeer extends RegisteredSender {
  id: string;
  name: string;
  baseUrl: string;
  active: boolean;
}

/** How long a process trusts its copy of the registry; a registration on this process refreshes it at once. */
const CACHE_MS = 2_000;

const caches = new WeakMap<object, { at: number; peers: Map<string, RegisteredPeer> }>();

async function loadPeers(db: Kysely<DB>): Promise<Map<string, RegisteredPeer>> {
  const [peers, keys] = await Promise.all([
    db.selectFrom('docking_peers').selectAll().execute(),
    db.selectFrom('docking_peer_keys').selectAll().execute(),
  ]);
  const byPeer = new Map<string, PeerKey[]>();
  for (const key of keys) {
    const list = byPeer.get(key.peer_id) ?? [];
    list.push({
      keyId: key.key_id,
      algorithm: key.algorithm,
      publicKeyPem: key.public_key_pem,
      validFrom: new Date(key.valid_from),
      validUntil: key.valid_until ? new Date(key.valid_until) : null,
    });
    byPeer.set(key.peer_id, list);
  }
  return new Map(
    peers.map((p) => [
      p.id,
      {
        id: p.id,
        platform: p.platform as Platform,
        name: p.name,
        baseUrl: p.base_url,
        active: p.active,
        keys: byPeer.get(p.id) ?? [],
      },
    ]),
  );
}

/** The registered peers with their keys, read through a short per-process cache (the inbox reads it per message). */
export async function registeredPeers(
  db: Kysely<DB>,
  now = Date.now(),
): Promise<Map<string, RegisteredPeer>> {
  const cached = caches.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.peers;
  const peers = await loadPeers(db);
  caches.set(db, { at: now, peers });
  return peers;
}

/** Drops this process's copy after a change to the registry. */
export const forgetPeers = (db: Kysely<DB>): void => {
  caches.delete(db);
};

/** The active sender as the envelope check sees it; an inactive peer is unknown. */
export const activeSender = (peers: Map<string, RegisteredPeer>, id: string): RegisteredPeer | undefined => {
  const peer = peers.get(id);
  return peer?.active ? peer : undefined;
};
