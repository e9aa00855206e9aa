import { randomUUID } from 'node:crypto';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import { bodyDigestOf, type DockingSigner, sealMessage } from '@sutiao/domain/docking/protocol.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { dockingCrypto } from '../src/adapters/docking/docking-crypto.ts';
import { generateSigner } from '../src/adapters/crypto/signer.ts';
import type { FaultProxy } from './fault-proxy.ts';
import type { Random } from './random.ts';

/** What an attacker on the wire can send: altered, replayed, forged and foreign-key messages. */
export const ATTACK_KINDS = [
  'tampered-body',
  'tampered-digest',
  'replayed',
  'replayed-new-id',
  'wrongly-signed',
  'unknown-key',
  'unknown-sender',
] as const;
export type AttackKind = (typeof ATTACK_KINDS)[number];

/** The receipt each attack must get: a rejection with this code, or (an exact replay) `duplicate`. */
const EXPECTED: Record<AttackKind, string> = {
  'tampered-body': 'BAD_DIGEST',
  'tampered-digest': 'BAD_SIGNATURE',
  replayed: 'duplicate',
  'replayed-new-id': 'BAD_SIGNATURE',
  'wrongly-signed': 'BAD_SIGNATURE',
  'unknown-key': 'UNKNOWN_KEY',
  'unknown-sender': 'UNKNOWN_SENDER',
};

export interface AttackRecord {
  kind: AttackKind;
  /** The platform attacked (the receiver). */
  target: 'court' | 'mediation';
  senderId: string;
  messageId: string;
  /** The genuine message it was made from (same id for tampered and replayed copies). */
  genuineId: string;
  /** Digest of the attack's body: a tampered copy must never be what the receiver stored under that id. */
  bodyDigest: string;
  expected: string;
  got: string;
}

const attacker = generateSigner('SM2');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Changes one string in the body (the first found, depth first): what a man in the middle would alter. */
function alter(body: unknown): unknown {
  const copy = clone(body) as Record<string, unknown>;
  const visit = (node: Record<string, unknown>): boolean => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        node[key] = `${value}（篡改）`;
        return true;
      }
      if (value && typeof value === 'object' && visit(value as Record<string, unknown>)) return true;
    }
    return false;
  };
  if (!visit(copy)) copy.tampered = true;
  return copy;
}

function forge(genuine: DockingEnvelope, signer: DockingSigner, senderId: string): DockingEnvelope {
  const h = genuine.header;
  return sealMessage(
    {
      messageId: randomUUID(),
      type: h.type,
      senderPlatform: h.senderPlatform,
      senderId,
      caseRef: h.caseRef,
      sequence: h.sequence + 1,
      createdAt: new Date().toISOString(),
      sentAt: new Date().toISOString(),
    },
    alter(genuine.body),
    signer,
    dockingCrypto,
  );
}

function build(kind: AttackKind, genuine: DockingEnvelope): DockingEnvelope {
  const h = genuine.header;
  switch (kind) {
    case 'tampered-body':
      return { ...clone(genuine), body: alter(genuine.body) };
    case 'tampered-digest': {
      const body = alter(genuine.body);
      return { ...clone(genuine), body, header: { ...h, bodyDigest: bodyDigestOf(body, dockingCrypto) } };
    }
    case 'replayed':
      return clone(genuine);
    case 'replayed-new-id':
      return { ...clone(genuine), header: { ...h, messageId: randomUUID() } };
    case 'wrongly-signed':
      // The sender's registered key id, but signed with another key.
      return forge(
        genuine,
        { keyId: h.keyId, algorithm: 'SM2', sign: (text) => attacker.sign(text) },
        h.senderId,
      );
    case 'unknown-key':
      return forge(genuine, attacker, h.senderId);
    case 'unknown-sender':
      return forge(genuine, attacker, 'sutiao-intruder');
  }
}

/**
 * Sends one attack straight to the receiver (a side channel beside the proxy), made from a genuine message the
 * proxy saw lately (so its time is inside the window and only the attack itself can be the reason for a refusal).
 * An exact replay is made only of a message whose receipt already came back, so it is certainly a repeat.
 */
export async function injectAttack(
  proxy: FaultProxy,
  targetUrl: string,
  target: 'court' | 'mediation',
  random: Random,
): Promise<AttackRecord | null> {
  const kind = random.pick(ATTACK_KINDS);
  const now = Date.now();
  const recent = [...proxy.seen.values()].filter(
    (m) =>
      m.envelope.header.caseRef !== null &&
      now - Date.parse(m.envelope.header.sentAt) < 120_000 &&
      (kind !== 'replayed' || m.outcomes.some((o) => o === 'accepted' || o === 'duplicate')),
  );
  if (recent.length === 0) return null;
  const genuine = random.pick(recent.slice(-50)).envelope;
  const envelope = build(kind, genuine);
  let got: string;
  try {
    const response = await fetch(new URL('/api/docking/messages', targetUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(15_000),
    });
    const signed = ((await response.json()) as { receipt?: SignedReceipt }).receipt;
    got =
      signed?.receipt.outcome === 'rejected'
        ? (signed.receipt.code ?? 'rejected')
        : (signed?.receipt.outcome ?? `HTTP ${response.status}`);
  } catch {
    return null; // the receiver is down (being restarted): nothing was sent
  }
  return {
    kind,
    target,
    senderId: envelope.header.senderId,
    messageId: envelope.header.messageId,
    genuineId: genuine.header.messageId,
    bodyDigest: bodyDigestOf(envelope.body, dockingCrypto),
    expected: EXPECTED[kind],
    got,
  };
}
