import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@sutiao/domain/canonical-json.ts';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import {
  checkEnvelope,
  FRESHNESS_MS,
  type MessageFields,
  type PeerKey,
  type RegisteredSender,
  sealMessage,
  sealReceipt,
  verifyReceipt,
} from '@sutiao/domain/docking/protocol.ts';
import { generateSigner, type Signer } from '../../src/adapters/crypto/signer.ts';
import { dockingCrypto as crypto } from '../../src/adapters/docking/docking-crypto.ts';
import { delegationBody } from '../support/referral-fixtures.ts';

const NOW = new Date('2026-12-02T08:00:00.000Z');
const court = generateSigner('SM2');
const keyOf = (
  signer: Signer,
  validFrom = new Date('2026-01-01'),
  validUntil: Date | null = null,
): PeerKey => ({
  keyId: signer.keyId,
  algorithm: signer.algorithm,
  publicKeyPem: signer.publicKeyPem,
  validFrom,
  validUntil,
});
const registry = (keys: PeerKey[]): Map<string, RegisteredSender> =>
  new Map([['court-a', { platform: 'court', keys }]]);

const fields = (over: Partial<MessageFields> = {}): MessageFields => ({
  messageId: 'm-1',
  type: 'case.delegate',
  senderPlatform: 'court',
  senderId: 'court-a',
  caseRef: 'case-1',
  sequence: 1,
  createdAt: NOW.toISOString(),
  sentAt: NOW.toISOString(),
  ...over,
});

const check = (raw: unknown, senders = registry([keyOf(court)]), now = NOW) =>
  checkEnvelope(raw, { receiver: 'mediation', now, sender: (id) => senders.get(id), crypto });

const sealed = (over: Partial<MessageFields> = {}, body: unknown = delegationBody(), signer = court) =>
  sealMessage(fields(over), body, signer, crypto) as DockingEnvelope;

const rejection = (result: ReturnType<typeof check>) => (result.ok ? 'ok' : result.code);

describe('docking protocol core (SM2 and Ed25519 through the server crypto adapters)', () => {
  it('canonical form: keys sorted at every depth, no whitespace, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('a sealed message checks, and its digest binds the body', () => {
    const envelope = sealed();
    expect(envelope.header.bodyDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(envelope.header).toMatchObject({ formatVersion: 1, keyId: court.keyId, algorithm: 'SM2' });
    expect(check(envelope)).toEqual({ ok: true, envelope });
    // Same body in another key order: same digest (canonical form).
    const reordered = JSON.parse(JSON.stringify(envelope.body), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(check({ ...envelope, body: reordered }).ok).toBe(true);
  });

  it('refuses tampering: body (BAD_DIGEST), header (BAD_SIGNATURE), signature bytes (BAD_SIGNATURE)', () => {
    const envelope = sealed();
    const body = { ...(envelope.body as object), claimAmountFen: 1 };
    expect(rejection(check({ ...envelope, body }))).toBe('BAD_DIGEST');
    expect(rejection(check({ ...envelope, header: { ...envelope.header, sequence: 2 } }))).toBe(
      'BAD_SIGNATURE',
    );
    const flipped = envelope.signature.slice(0, -2) + (envelope.signature.endsWith('00') ? '01' : '00');
    expect(rejection(check({ ...envelope, signature: flipped }))).toBe('BAD_SIGNATURE');
    // A consistent forgery: new body, new digest, signed by a key nobody registered.
    const mallory = generateSigner('SM2');
    const forged = sealMessage(fields(), body, { ...mallory, keyId: court.keyId }, crypto);
    expect(rejection(check(forged))).toBe('BAD_SIGNATURE');
  });

  it('refuses unknown senders and keys, keys outside their validity, and a sender of the wrong kind', () => {
    expect(rejection(check(sealed({ senderId: 'court-b' })))).toBe('UNKNOWN_SENDER');
    expect(rejection(check(sealed({}, delegationBody(), generateSigner('SM2'))))).toBe('UNKNOWN_KEY');
    const expired = registry([keyOf(court, new Date('2026-01-01'), new Date('2026-12-01'))]);
    expect(rejection(check(sealed(), expired))).toBe('KEY_NOT_VALID');
    expect(rejection(check(sealed({ type: 'case.closing-report' })))).toBe('WRONG_SENDER_PLATFORM');
    expect(rejection(check(sealed({ senderPlatform: 'mediation' })))).toBe('NOT_ADDRESSED_HERE');
  });

  it('refuses stale and future messages outside ±300 s of sentAt, however old createdAt is', () => {
    const old = new Date(NOW.getTime() - FRESHNESS_MS - 1000).toISOString();
    expect(rejection(check(sealed({ sentAt: old })))).toBe('STALE');
    const future = new Date(NOW.getTime() + FRESHNESS_MS + 1000).toISOString();
    expect(rejection(check(sealed({ sentAt: future })))).toBe('STALE');
    // A message written an hour ago and re-signed at delivery is fresh.
    const writtenEarlier = new Date(NOW.getTime() - 3_600_000).toISOString();
    expect(check(sealed({ createdAt: writtenEarlier })).ok).toBe(true);
  });

  it('refuses malformed envelopes, unknown versions and types, and bodies outside their schema', () => {
    expect(rejection(check(null))).toBe('MALFORMED');
    expect(rejection(check({ header: {}, body: {}, signature: 'ab' }))).toBe('MALFORMED');
    const envelope = sealed();
    expect(rejection(check({ ...envelope, header: { ...envelope.header, extra: 1 } }))).toBe('MALFORMED');
    // Names every object inherits are not header fields either.
    for (const key of ['constructor', 'toString', '__proto__']) {
      const header = JSON.parse(JSON.stringify(envelope.header));
      Object.defineProperty(header, key, { value: 'x', enumerable: true });
      expect(rejection(check({ ...envelope, header })), key).toBe('MALFORMED');
    }
    expect(rejection(check({ ...envelope, header: { ...envelope.header, formatVersion: 2 } }))).toBe(
      'UNSUPPORTED_VERSION',
    );
    expect(rejection(check(sealed({ type: 'case.teleport' as never })))).toBe('UNKNOWN_TYPE');
    const noParties = sealed({}, { ...delegationBody(), parties: [] });
    const result = check(noParties);
    expect(rejection(result)).toBe('INVALID_BODY');
    expect(result.ok ? '' : result.detail).toContain('/parties');
    expect(rejection(check(sealed({}, { ...delegationBody(), injected: true })))).toBe('INVALID_BODY');
  });

  it('rotation: old and new keys both verify during the overlap; the old one stops at its end', () => {
    const next = generateSigner('SM2');
    const overlap = registry([
      keyOf(court, new Date('2026-01-01'), new Date('2026-12-02T09:00:00Z')),
      keyOf(next),
    ]);
    expect(check(sealed(), overlap).ok).toBe(true);
    expect(check(sealed({}, delegationBody(), next), overlap).ok).toBe(true);
    const later = new Date('2026-12-02T09:00:01Z');
    const at = { sentAt: later.toISOString() };
    expect(rejection(check(sealed(at), overlap, later))).toBe('KEY_NOT_VALID');
    expect(check(sealed(at, delegationBody(), next), overlap, later).ok).toBe(true);
  });

  it('Ed25519 is selectable', () => {
    const ed = generateSigner('Ed25519');
    const envelope = sealed({}, delegationBody(), ed);
    expect(envelope.header.algorithm).toBe('Ed25519');
    expect(check(envelope, registry([keyOf(ed)])).ok).toBe(true);
    expect(rejection(check(envelope, registry([{ ...keyOf(ed), algorithm: 'SM2' }])))).toBe('UNKNOWN_KEY');
  });

  it('receipts are signed by the receiver and verify only against its registered key', () => {
    const mediation = generateSigner('SM2');
    const signed = sealReceipt(
      {
        messageId: 'm-1',
        senderId: 'court-a',
        receiverId: 'mediation-a',
        outcome: 'accepted',
        code: null,
        detail: null,
        bodyDigest: sealed().header.bodyDigest,
        receivedAt: NOW.toISOString(),
      },
      mediation,
    );
    const receiver = { platform: 'mediation' as const, keys: [keyOf(mediation)] };
    expect(verifyReceipt(signed, receiver, crypto)).toBe(true);
    expect(
      verifyReceipt({ ...signed, receipt: { ...signed.receipt, outcome: 'held' } }, receiver, crypto),
    ).toBe(false);
    expect(verifyReceipt(signed, { platform: 'mediation', keys: [keyOf(court)] }, crypto)).toBe(false);
  });
});
