import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/adapters/db/schema.ts';
import { dockingCrypto } from '../src/adapters/docking/docking-crypto.ts';
import { caseLinkSummaries } from '../src/use-cases/docking/case-link-summary.ts';
import { compareSummaries, type CaseLinkSummary } from '@sutiao/domain/docking/link-state.ts';
import { bodyDigestOf } from '@sutiao/domain/docking/protocol.ts';
import type { AttackRecord } from './attacks.ts';
import type { FaultProxy } from './fault-proxy.ts';
import type { AcknowledgedOperation } from './operations.ts';

export interface Side {
  platform: 'court' | 'mediation';
  platformId: string;
  db: Kysely<DB>;
  /** The proxy that carried this side's outgoing messages. */
  proxy: FaultProxy;
}

export interface Verdict {
  lost: number;
  duplicated: number;
  diverged: number;
  /** One line per finding, for the report (empty when all is well). */
  findings: string[];
}

interface OutboxRow {
  message_id: string;
  type: string;
  case_ref: string | null;
  sequence: number;
  status: string;
  body: unknown;
  last_error: string | null;
}

interface InboxRow {
  message_id: string;
  type: string;
  case_ref: string | null;
  status: string;
  code: string | null;
  envelope: { header: { bodyDigest: string } };
}

const rows = async <T>(db: Kysely<DB>, query: ReturnType<typeof sql<T>>): Promise<T[]> =>
  (await query.execute(db)).rows;

/** The receiver's timeline rows that name a message id (every case message's handler writes one). */
async function effectsByMessage(side: Side): Promise<Map<string, number>> {
  const table = side.platform === 'court' ? sql.table('court_case_events') : sql.table('case_events');
  const found = await rows<{ id: string; n: number }>(
    side.db,
    sql`select payload->>'messageId' as id, count(*)::int as n from ${table}
        where payload->>'messageId' is not null group by 1`,
  );
  return new Map(found.map((r) => [r.id, r.n]));
}

/**
 * One direction of the link: every message the sender wrote was applied exactly once by the receiver, with the
 * body the sender wrote, and its effect is on the receiver's timeline once; nothing was applied that the sender
 * never wrote; the proxy saw nothing the sender did not write.
 */
async function checkDirection(sender: Side, receiver: Side, verdict: Verdict): Promise<void> {
  const note = (line: string) => {
    if (verdict.findings.length < 200)
      verdict.findings.push(`${sender.platform}→${receiver.platform} ${line}`);
  };
  const sent = await rows<OutboxRow>(
    sender.db,
    sql`select message_id, type, case_ref, sequence, status, body, last_error from docking_outbox
        where peer_id = ${receiver.platformId}`,
  );
  const received = await rows<InboxRow>(
    receiver.db,
    sql`select message_id, type, case_ref, status, code, envelope from docking_inbox
        where sender_id = ${sender.platformId}`,
  );
  const inbox = new Map(received.map((r) => [r.message_id, r]));
  const effects = await effectsByMessage(receiver);
  for (const m of sent) {
    const got = inbox.get(m.message_id);
    const where = `${m.type} #${m.sequence} of ${m.case_ref ?? '(no case)'} (${m.message_id})`;
    if (!got || got.status === 'held') {
      verdict.lost += 1;
      note(`lost: ${where}: outbox ${m.status}, inbox ${got?.status ?? 'none'} ${m.last_error ?? ''}`);
      continue;
    }
    if (got.status === 'rejected') {
      verdict.lost += 1;
      note(`not applied: ${where} rejected ${got.code}`);
      continue;
    }
    if (m.status !== 'delivered') {
      verdict.lost += 1;
      note(`applied but the sender holds no receipt: ${where} outbox ${m.status}`);
    }
    const body = typeof m.body === 'string' ? JSON.parse(m.body) : m.body;
    if (got.envelope.header.bodyDigest !== bodyDigestOf(body, dockingCrypto)) {
      verdict.diverged += 1;
      note(`applied with another body: ${where}`);
    }
    if (m.case_ref === null) continue; // directory and reconciliation change no case
    const n = effects.get(m.message_id) ?? 0;
    if (n === 0) {
      verdict.lost += 1;
      note(`applied without effect: ${where}`);
    } else if (n > 1) {
      verdict.duplicated += n - 1;
      note(`effect applied ${n} times: ${where}`);
    }
  }
  const written = new Set(sent.map((m) => m.message_id));
  for (const r of received) {
    if (!written.has(r.message_id) && r.status === 'applied') {
      verdict.duplicated += 1;
      note(`applied but never written by the sender: ${r.type} ${r.message_id}`);
    }
  }
  for (const [id, seen] of sender.proxy.seen) {
    if (!written.has(id)) {
      verdict.diverged += 1;
      note(`crossed the wire but is not in the sender's outbox: ${seen.envelope.header.type} ${id}`);
    }
    const accepted = seen.outcomes.filter((o) => o === 'accepted').length;
    if (accepted > 1) {
      verdict.duplicated += accepted - 1;
      note(`accepted ${accepted} times: ${seen.envelope.header.type} ${id}`);
    }
  }
}

/** Each case's link state on both sides, once every message is consumed: equal, or the case diverged. */
async function checkLinkStates(court: Side, mediation: Side, verdict: Verdict): Promise<void> {
  const ours = await caseLinkSummaries(court.db, mediation.platformId);
  const theirs = await caseLinkSummaries(mediation.db, court.platformId);
  const none = (caseRef: string): CaseLinkSummary => ({
    caseRef,
    linkState: 'none',
    lastSequenceSent: 0,
    lastSequenceApplied: 0,
  });
  for (const caseRef of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = ours.get(caseRef) ?? none(caseRef);
    const b = theirs.get(caseRef) ?? none(caseRef);
    const verdictOf = compareSummaries(a, b);
    if (verdictOf !== 'agree') {
      verdict.diverged += 1;
      if (verdict.findings.length < 200) {
        verdict.findings.push(
          `case ${caseRef} ${verdictOf}: court ${JSON.stringify(a)} mediation ${JSON.stringify(b)}`,
        );
      }
    }
  }
}

/** Every operation acknowledged to its caller is on the case's timeline (as often as it was acknowledged). */
async function checkAcknowledged(
  sides: Record<'court' | 'mediation', Side>,
  acknowledged: readonly AcknowledgedOperation[],
  verdict: Verdict,
): Promise<void> {
  for (const platform of ['court', 'mediation'] as const) {
    const side = sides[platform];
    const table = platform === 'court' ? sql.table('court_case_events') : sql.table('case_events');
    const cases = platform === 'court' ? sql.table('court_cases') : sql.table('cases');
    const counted = await rows<{ case_id: string; event: string; n: number }>(
      side.db,
      sql`select case_id, event, count(*)::int as n from ${table} group by 1, 2`,
    );
    const existing = new Set(
      (await rows<{ id: string }>(side.db, sql`select id from ${cases}`)).map((r) => r.id),
    );
    const inDb = new Map(counted.map((r) => [`${r.case_id} ${r.event}`, r.n]));
    const wanted = new Map<string, number>();
    for (const op of acknowledged) {
      if (op.platform !== platform) continue;
      if (op.event === 'enter-complaint') {
        if (!existing.has(op.caseId)) {
          verdict.lost += 1;
          verdict.findings.push(`acknowledged complaint ${op.caseId} is not in the court's database`);
        }
        continue;
      }
      const key = `${op.caseId} ${op.event}`;
      wanted.set(key, (wanted.get(key) ?? 0) + 1);
    }
    for (const [key, n] of wanted) {
      const have = inDb.get(key) ?? 0;
      if (have < n) {
        verdict.lost += n - have;
        verdict.findings.push(`${platform}: acknowledged ${key} ×${n}, timeline has ${have}`);
      }
    }
  }
}

/**
 * Attacks changed nothing: no forged or tampered message was stored as received, a tampered copy of a genuine
 * message never replaced it, and every refusal the attacker got was stored for inspection with its code.
 */
async function checkAttacks(
  sides: Record<'court' | 'mediation', Side>,
  attacks: readonly AttackRecord[],
  verdict: Verdict,
): Promise<void> {
  for (const attack of attacks) {
    const side = sides[attack.target];
    const stored = await rows<{ status: string; digest: string }>(
      side.db,
      sql`select status, envelope->'header'->>'bodyDigest' as digest from docking_inbox
          where sender_id = ${attack.senderId} and message_id = ${attack.messageId}`,
    );
    const replayOfGenuine = attack.kind === 'replayed';
    const changed = stored.some(
      (s) => !replayOfGenuine && (attack.messageId !== attack.genuineId || s.digest === attack.bodyDigest),
    );
    if (changed) {
      verdict.diverged += 1;
      verdict.findings.push(
        `attack ${attack.kind} on ${attack.target} was stored as received: ${attack.messageId}`,
      );
    }
    if (attack.expected === 'duplicate') continue;
    const [refusal] = await rows<{ n: number }>(
      side.db,
      sql`select count(*)::int as n from docking_rejections
          where message_id = ${attack.messageId} and code = ${attack.expected}`,
    );
    if ((refusal?.n ?? 0) === 0) {
      verdict.findings.push(
        `attack ${attack.kind} on ${attack.target}: no stored rejection ${attack.expected}`,
      );
      verdict.diverged += 1;
    }
  }
}

export async function checkDatabases(
  court: Side,
  mediation: Side,
  acknowledged: readonly AcknowledgedOperation[],
  attacks: readonly AttackRecord[],
): Promise<Verdict> {
  const verdict: Verdict = { lost: 0, duplicated: 0, diverged: 0, findings: [] };
  await checkDirection(court, mediation, verdict);
  await checkDirection(mediation, court, verdict);
  await checkLinkStates(court, mediation, verdict);
  await checkAcknowledged({ court, mediation }, acknowledged, verdict);
  await checkAttacks({ court, mediation }, attacks, verdict);
  return verdict;
}

/** Outgoing messages not yet settled (pending or leased): the link is not quiet yet. */
export async function unsettled(db: Kysely<DB>): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from docking_outbox where status = 'pending'`,
  );
  return row?.n ?? 0;
}
