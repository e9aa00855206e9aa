import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { canonicalJson } from '../canonical-json.ts';
import type { Platform } from '../roles.ts';
import {
  DOCKING_FORMAT_VERSION,
  type DockingEnvelope,
  type DockingHeader,
  type SignatureAlgorithm,
} from './envelope.ts';
import { DOCKING_BODY_SCHEMAS } from './message-bodies.ts';
import { DOCKING_MESSAGE_TYPES, DOCKING_SENDER, type DockingMessageType } from './message-types.ts';
import type { DockingRejectionCode, Receipt, SignedReceipt } from './receipt.ts';

/**
 * The docking protocol's pure core, used by both platforms: canonical form, sealing and checking envelopes and
 * receipts. Cryptography comes in behind two small interfaces (the server passes SM3/SM2/Ed25519 from its
 * adapters), so this file does no I/O and can be implemented again by another team from docs/docking-protocol.md.
 */

/** A message older or newer than this against the receiver's clock is STALE (replay window). */
export const FRESHNESS_MS = 300_000;

export interface DockingSigner {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  /** Lowercase hex signature over the UTF-8 bytes of `text`. */
  sign(text: string): string;
}

export interface DockingCrypto {
  /** SM3 of the UTF-8 bytes, 64 lowercase hex characters. */
  digest(text: string): string;
  verify(algorithm: SignatureAlgorithm, publicKeyPem: string, text: string, signatureHex: string): boolean;
}

export interface PeerKey {
  keyId: string;
  algorithm: SignatureAlgorithm;
  publicKeyPem: string;
  validFrom: Date;
  validUntil: Date | null;
}

export interface RegisteredSender {
  platform: Platform;
  keys: readonly PeerKey[];
}

FormatRegistry.Set('date-time', (value) => ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)));
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;

/** SM3 over the canonical JSON of a message body. */
export const bodyDigestOf = (body: unknown, crypto: DockingCrypto): string =>
  crypto.digest(canonicalJson(body));

/** The exact text a message's signature covers: the canonical JSON of its header. */
export const headerText = (header: DockingHeader): string => canonicalJson(header);

export type MessageFields = Omit<DockingHeader, 'formatVersion' | 'bodyDigest' | 'keyId' | 'algorithm'>;

/** Builds and signs one envelope. */
export function sealMessage<Body>(
  fields: MessageFields,
  body: Body,
  signer: DockingSigner,
  crypto: DockingCrypto,
): DockingEnvelope<Body> {
  const header: DockingHeader = {
    ...fields,
    formatVersion: DOCKING_FORMAT_VERSION,
    bodyDigest: bodyDigestOf(body, crypto),
    keyId: signer.keyId,
    algorithm: signer.algorithm,
  };
  return { header, body, signature: signer.sign(headerText(header)) };
}

export type CheckResult =
  | { ok: true; envelope: DockingEnvelope }
  | {
      ok: false;
      code: DockingRejectionCode;
      detail: string;
      /** What could be read of the header, for storing the rejection. */
      senderId: string | null;
      messageId: string | null;
    };

interface CheckOptions {
  /** The receiving platform: a message from the same kind of platform is not addressed here. */
  receiver: Platform;
  now: Date;
  sender(senderId: string): RegisteredSender | undefined;
  crypto: DockingCrypto;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const HEADER_FIELDS: Record<keyof DockingHeader, 'string' | 'number' | 'string|null'> = {
  formatVersion: 'number',
  messageId: 'string',
  type: 'string',
  senderPlatform: 'string',
  senderId: 'string',
  caseRef: 'string|null',
  sequence: 'number',
  createdAt: 'string',
  sentAt: 'string',
  bodyDigest: 'string',
  keyId: 'string',
  algorithm: 'string',
};

function shapeProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'the envelope is not an object';
  const { header, signature } = raw;
  if (!isRecord(header)) return 'header is not an object';
  if (!('body' in raw)) return 'body is missing';
  if (typeof signature !== 'string' || !/^[0-9a-f]{2,512}$/.test(signature)) return 'signature is not hex';
  for (const key of Object.keys(header)) {
    if (!Object.hasOwn(HEADER_FIELDS, key)) return `unknown header field ${key}`;
  }
  for (const [key, kind] of Object.entries(HEADER_FIELDS)) {
    const value = header[key];
    const ok =
      kind === 'number'
        ? Number.isSafeInteger(value)
        : kind === 'string'
          ? typeof value === 'string' && value.length > 0 && value.length <= 200
          : value === null || (typeof value === 'string' && value.length > 0 && value.length <= 200);
    if (!ok) return `header.${key} is not a ${kind}`;
  }
  if ((header.sequence as number) < 1) return 'header.sequence must be at least 1';
  for (const key of ['createdAt', 'sentAt'] as const) {
    if (!ISO_TIME.test(header[key] as string) || Number.isNaN(Date.parse(header[key] as string))) {
      return `header.${key} is not an ISO time`;
    }
  }
  return null;
}

/**
 * Checks one received envelope, in this order: shape, version, type, which platform may send it, registered
 * sender, registered key valid when the message was sent, freshness of `sentAt` (±FRESHNESS_MS), body digest,
 * signature, body schema. Replays inside the window (a repeated id) are the inbox's business: it needs storage.
 */
export function checkEnvelope(raw: unknown, options: CheckOptions): CheckResult {
  const problem = shapeProblem(raw);
  const partial = isRecord(raw) && isRecord(raw.header) ? raw.header : {};
  const fail = (code: DockingRejectionCode, detail: string): CheckResult => ({
    ok: false,
    code,
    detail,
    senderId: typeof partial.senderId === 'string' ? partial.senderId.slice(0, 200) : null,
    messageId: typeof partial.messageId === 'string' ? partial.messageId.slice(0, 200) : null,
  });
  if (problem) return fail('MALFORMED', problem);
  const envelope = raw as unknown as DockingEnvelope;
  const { header } = envelope;
  if (header.formatVersion !== DOCKING_FORMAT_VERSION) {
    return fail('UNSUPPORTED_VERSION', `format version ${header.formatVersion}`);
  }
  if (!(DOCKING_MESSAGE_TYPES as readonly string[]).includes(header.type)) {
    return fail('UNKNOWN_TYPE', header.type);
  }
  if (header.senderPlatform === options.receiver) return fail('NOT_ADDRESSED_HERE', header.senderPlatform);
  const allowed = DOCKING_SENDER[header.type as DockingMessageType];
  if (allowed !== 'either' && allowed !== header.senderPlatform) {
    return fail('WRONG_SENDER_PLATFORM', `${header.senderPlatform} may not send ${header.type}`);
  }
  const sender = options.sender(header.senderId);
  if (!sender || sender.platform !== header.senderPlatform) return fail('UNKNOWN_SENDER', header.senderId);
  const key = sender.keys.find((k) => k.keyId === header.keyId && k.algorithm === header.algorithm);
  if (!key) return fail('UNKNOWN_KEY', header.keyId);
  const sent = new Date(header.sentAt);
  if (sent < key.validFrom || (key.validUntil !== null && sent >= key.validUntil)) {
    return fail('KEY_NOT_VALID', `${header.keyId} at ${header.sentAt}`);
  }
  if (Math.abs(sent.getTime() - options.now.getTime()) > FRESHNESS_MS) {
    return fail('STALE', `sent ${header.sentAt}, received ${options.now.toISOString()}`);
  }
  if (bodyDigestOf(envelope.body, options.crypto) !== header.bodyDigest)
    return fail('BAD_DIGEST', header.bodyDigest);
  if (!options.crypto.verify(key.algorithm, key.publicKeyPem, headerText(header), envelope.signature)) {
    return fail('BAD_SIGNATURE', header.keyId);
  }
  const schema = DOCKING_BODY_SCHEMAS[header.type as DockingMessageType];
  if (!Value.Check(schema, envelope.body)) {
    const first = Value.Errors(schema, envelope.body).First();
    return fail('INVALID_BODY', first ? `${first.path || '/'}: ${first.message}` : 'body');
  }
  return { ok: true, envelope };
}

/** Signs a receipt (the receiver's answer to one message). */
export function sealReceipt(receipt: Receipt, signer: DockingSigner): SignedReceipt {
  return {
    receipt,
    keyId: signer.keyId,
    algorithm: signer.algorithm,
    signature: signer.sign(canonicalJson(receipt)),
  };
}

/** Verifies a receipt against the receiver's registered keys; false for any key, time or signature problem. */
export function verifyReceipt(
  signed: SignedReceipt,
  receiver: RegisteredSender,
  crypto: DockingCrypto,
): boolean {
  const key = receiver.keys.find((k) => k.keyId === signed.keyId && k.algorithm === signed.algorithm);
  if (!key) return false;
  const at = new Date(signed.receipt.receivedAt);
  if (Number.isNaN(at.getTime()) || at < key.validFrom || (key.validUntil !== null && at >= key.validUntil)) {
    return false;
  }
  return crypto.verify(key.algorithm, key.publicKeyPem, canonicalJson(signed.receipt), signed.signature);
}
