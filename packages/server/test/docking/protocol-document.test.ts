import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@sutiao/domain/canonical-json.ts';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import { LINK_STATES } from '@sutiao/domain/docking/link-state.ts';
import { DOCKING_BODY_SCHEMAS } from '@sutiao/domain/docking/message-bodies.ts';
import { DOCKING_MESSAGE_TYPES } from '@sutiao/domain/docking/message-types.ts';
import {
  bodyDigestOf,
  checkEnvelope,
  FRESHNESS_MS,
  headerText,
  verifyReceipt,
} from '@sutiao/domain/docking/protocol.ts';
import { DOCKING_REJECTION_CODES, type SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { DELEGATION_EVENTS, DELEGATION_STATES } from '@sutiao/domain/lifecycles/court-delegation.ts';
import { ENTRUSTMENT_EVENTS, ENTRUSTMENT_STATES } from '@sutiao/domain/lifecycles/court-entrustment.ts';
import { COURT_PERIOD_STATES } from '@sutiao/domain/lifecycles/direct-application-referrals.ts';
import {
  DOCKING_PROTOCOL_FILE,
  DOCKING_SCHEMAS_FILE,
  dockingSchemasJson,
} from '../../../../scripts/generate-docking-docs.mjs';
import { publicKeyFingerprint } from '../../src/adapters/crypto/fingerprint.ts';
import { verifySignature } from '../../src/adapters/crypto/signer.ts';
import { dockingCrypto as crypto } from '../../src/adapters/docking/docking-crypto.ts';
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/use-cases/docking/relay-outbox.ts';
import { TEST_KEYS, TEST_PLATFORM_IDS } from '../support/test-deps.ts';

const doc = readFileSync(DOCKING_PROTOCOL_FILE, 'utf8');

/** The fenced block that follows `<!-- example:<name> -->` in the document. */
function example(name: string): string {
  const match = new RegExp(`<!-- example:${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`docs/docking-protocol.md has no example block '${name}'`);
  return match[1];
}

/** Whether the document names `word` as code (`word`), the way it names every protocol term. */
const names = (word: string) => doc.includes(`\`${word}\``);

describe('docs/docking-schemas.json (the appendix of docs/docking-protocol.md)', () => {
  it('is up to date with the message body schemas (else run `npm run docs:docking`)', () => {
    const committed = readFileSync(DOCKING_SCHEMAS_FILE, 'utf8');
    expect(
      committed === dockingSchemasJson(),
      'docs/docking-schemas.json is stale: npm run docs:docking',
    ).toBe(true);
  });
});

describe("docs/docking-protocol.md's worked example still verifies with the code", () => {
  const envelope = JSON.parse(example('envelope')) as DockingEnvelope;
  const answer = JSON.parse(example('answer')) as { receipt: SignedReceipt };
  const senderPem = `${example('sender-public-key')}\n`;
  const receiverPem = `${example('receiver-public-key')}\n`;

  it('shows the public keys of the test platforms, named by their fingerprints', () => {
    expect(senderPem).toBe(TEST_KEYS.mediation.signer.publicKeyPem);
    expect(receiverPem).toBe(TEST_KEYS.court.signer.publicKeyPem);
    expect(publicKeyFingerprint(senderPem, 'SM2')).toBe(envelope.header.keyId);
    expect(publicKeyFingerprint(receiverPem, 'SM2')).toBe(answer.receipt.keyId);
  });

  it('shows the canonical body, its SM3 and the signed header text exactly as the code writes them', () => {
    expect(canonicalJson(envelope.body)).toBe(example('canonical-body'));
    expect(bodyDigestOf(envelope.body, crypto)).toBe(example('body-digest'));
    expect(envelope.header.bodyDigest).toBe(example('body-digest'));
    expect(headerText(envelope.header)).toBe(example('header-text'));
  });

  it('has a signature that verifies over the header text, and an envelope the court accepts', () => {
    expect(verifySignature('SM2', senderPem, example('header-text'), envelope.signature)).toBe(true);
    const sender = {
      platform: 'mediation' as const,
      keys: [
        {
          keyId: envelope.header.keyId,
          algorithm: 'SM2' as const,
          publicKeyPem: senderPem,
          validFrom: new Date('2026-01-01T00:00:00Z'),
          validUntil: null,
        },
      ],
    };
    const check = (now: Date) =>
      checkEnvelope(envelope, {
        receiver: 'court',
        now,
        sender: (id) => (id === TEST_PLATFORM_IDS.mediation ? sender : undefined),
        crypto,
      });
    expect(check(new Date(envelope.header.sentAt))).toEqual({ ok: true, envelope });
    // The freshness window the document states.
    const late = check(new Date(Date.parse(envelope.header.sentAt) + FRESHNESS_MS + 1));
    expect(late.ok ? 'ok' : late.code).toBe('STALE');
  });

  it("has a receipt whose text and signature verify with the court's key", () => {
    const { receipt } = answer;
    expect(canonicalJson(receipt.receipt)).toBe(example('receipt-text'));
    expect(receipt.receipt).toMatchObject({
      messageId: envelope.header.messageId,
      senderId: envelope.header.senderId,
      receiverId: TEST_PLATFORM_IDS.court,
      bodyDigest: envelope.header.bodyDigest,
    });
    const court = {
      platform: 'court' as const,
      keys: [
        {
          keyId: receipt.keyId,
          algorithm: 'SM2' as const,
          publicKeyPem: receiverPem,
          validFrom: new Date('2026-01-01T00:00:00Z'),
          validUntil: null,
        },
      ],
    };
    expect(verifyReceipt(receipt, court, crypto)).toBe(true);
    expect(
      verifyReceipt({ ...receipt, receipt: { ...receipt.receipt, outcome: 'rejected' } }, court, crypto),
    ).toBe(false);
  });
});

describe("docs/docking-protocol.md's example bodies", () => {
  it.each(DOCKING_MESSAGE_TYPES)('%s: one, valid against its schema', (type) => {
    const match = new RegExp(
      `<!-- body:${type.replace('.', '\\.')} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``,
    ).exec(doc);
    expect(match?.[1], `no example body of ${type}`).toBeDefined();
    const body: unknown = JSON.parse(match?.[1] ?? 'null');
    const errors = [...Value.Errors(DOCKING_BODY_SCHEMAS[type], body)].map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
  });
});

describe('docs/docking-protocol.md names everything the code has', () => {
  it.each([
    ['message type', DOCKING_MESSAGE_TYPES],
    ['rejection code', Object.keys(DOCKING_REJECTION_CODES)],
    ['link state', LINK_STATES],
    ['state of lifecycle B', DELEGATION_STATES],
    ['event of lifecycle B', DELEGATION_EVENTS],
    ['state of lifecycle C', ENTRUSTMENT_STATES],
    ['event of lifecycle C', ENTRUSTMENT_EVENTS],
    ['state of lifecycle A where the court period runs', COURT_PERIOD_STATES],
  ] as const)('every %s', (_what, words) => {
    expect(words.filter((word) => !names(word))).toEqual([]);
  });

  it('states the relay constants the code uses (attempts and backoff table)', () => {
    expect(doc).toContain(`after the **${MAX_ATTEMPTS}th** failed attempt`);
    const noJitter = () => 0.5;
    const row = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, noJitter));
    const shown = row.map((ms) => (ms >= 60_000 * 30 ? '30 min' : `${ms / 1000} s`));
    expect(doc).toContain(`| next try after (before jitter) | ${shown.join(' | ')} | dead |`);
  });
});
