import type { Kysely } from 'kysely';
import type { PlatformKeys } from './adapters/crypto/keys.ts';
import type { Engine } from './adapters/db/database.ts';
import type { DB } from './adapters/db/schema.ts';
import type { NotificationSink } from './adapters/notify/notification-sink.ts';
import type { SignalBus } from './adapters/signaling/signal-bus.ts';
import type { FileStore } from './adapters/storage/file-store.ts';
import type { DockingOutbox } from './use-cases/common/transitions/outgoing-messages.ts';
import type { DockingLink } from './use-cases/docking/docking-link.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import type { Platform } from '@sutiao/domain/roles.ts';

/** Everything a use case may touch. Built once per platform process (see platform/compose.ts). */
export interface Deps {
  db: Kysely<DB>;
  engine: Engine;
  platform: Platform;
  now: () => Date;
  /** The platform's signing key (agreements, docking messages) and its personal-data encryption keyring. */
  keys: PlatformKeys;
  notify: NotificationSink;
  /** Uploaded and generated files (evidence, loss inputs, PDFs), kept by SHA-256. */
  storage: FileStore;
  /** Public base URL of this platform, used in verification links. */
  publicUrl: string;
  /** The docking link's outbox: transitions write their messages to it in their own transaction. */
  outbox: DockingOutbox;
  /** This platform's side of the link: its id, its registered peers, the HTTP client to them. */
  docking: DockingLink;
  /** Where sessions' browsers find each other: STUN and TURN servers (none: host candidates only). */
  media: MediaRelayConfig;
  /** How this instance's session signaling reaches the platform's other instances (PostgreSQL NOTIFY). */
  signals: SignalBus;
}

export interface MediaRelayConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's static-auth-secret: each participant gets a TURN username and password valid for a few hours. */
  turnSecret: string | null;
  /** Browsers use only relayed candidates (every media packet through TURN). */
  relayOnly: boolean;
}

export const NO_MEDIA_RELAY: MediaRelayConfig = {
  stunUrls: [],
  turnUrls: [],
  turnSecret: null,
  relayOnly: false,
};

/** Who is asking, and under which request id; use cases never see HTTP objects. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  /** The role the actor acts in for audit purposes (first of their roles when not chosen). */
  actorRole?: string | null;
}

export interface SignedInContext extends RequestContext {
  actor: Actor;
}
