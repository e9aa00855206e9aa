import type { Platform } from '../roles.ts';
import type { DockingMessageType } from './message-types.ts';

/** The signature algorithms a platform may sign with: SM2 (GB/T 32918, default) or Ed25519 (selectable). */
/** The envelope format this code writes and the only one it reads. */
export const DOCKING_FORMAT_VERSION = 1 as const;

export type SignatureAlgorithm = 'SM2' | 'Ed25519';

/**
 * What every docking message carries besides its body. The digest is SM3 over the canonical JSON of the body; the
 * signature covers the canonical JSON of this header without `signature`, so the body is bound through its digest.
 */
export interface DockingHeader {
  /** Envelope format version; a receiver refuses versions it does not know. */
  formatVersion: typeof DOCKING_FORMAT_VERSION;
  /** Globally unique message id (a receiver stores it: a repeat is answered, never applied twice). */
  messageId: string;
  type: DockingMessageType;
  senderPlatform: Platform;
  /** The sending deployment's registered id (e.g. a court's platform id), for key lookup. */
  senderId: string;
  /** The case both sides know (the court's case number or the delegation id); null for directory and reconciliation. */
  caseRef: string | null;
  /** 1, 2, 3… per case and sender: a gap means a message is missing, a repeat is a duplicate. */
  sequence: number;
  /** When the message was written (in the same transaction as the state change). */
  createdAt: string;
  /** When this delivery attempt was signed: the receiver's freshness window (±300 s) applies to it, so a message
   *  retried after an outage is re-signed with a new `sentAt` while id, sequence and body stay the same. */
  sentAt: string;
  bodyDigest: string;
  keyId: string;
  algorithm: SignatureAlgorithm;
}

export interface DockingEnvelope<Body = unknown> {
  header: DockingHeader;
  body: Body;
  /** Lowercase hex signature over the canonical JSON of the header (SM2: DER as openssl writes it). */
  signature: string;
}
