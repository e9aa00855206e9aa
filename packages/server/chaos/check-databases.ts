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
  /** Messages written, by direction and type (what the run covered). */
  messages: Record<string, Record<string, number>>;
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

/**
 * The timelines a side writes: the court's one for every court case (a confirmation case too); the mediation
 * platform's cases, and its judicial confirmation applications (keyed by the application's id, which is the caseRef
 * of the confirmation messages).
 */
const timelines = (side: Side) =>
  side.platform === 'court'
    ? [sql`select case_id as id, event, payload from court_case_events`]
    : [
        sql`select case_id as id, event, payload from case_events`,
        sql`select application_id as id, event, payload from confirmation_application_events`,
      ];

/** The receiver's timeline rows that name a message id (every case message's handler writes one). */
async function effectsByMessage(side: Side): Promise<Map<string, number>> {
  const effects = new Map<string, number>();
  for (const timeline of timelines(side)) {
    const found = await rows<{ id: string; n: number }>(
      side.db,
      sql`select t.payload->>'messageId' as id, count(*)::int as n from (${timeline}) t
          where t.payload->>'messageId' is not null group by 1`,
    );
    for (const r of found) effects.set(r.id, (effects.get(r.id) ?? 0) + r.n);
  }
  return effects;
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

/** The parties' application state that each state of the court's confirmation case stands for. */
const APPLICATION_STATE_OF: Record<string, string> = {
  received: 'submitted',
  accepted: 'accepted',
  reviewing: 'accepted',
  awaiting_supplement: 'supplement_requested',
  confirmed: 'confirmed',
  rejected: 'rejected',
  not_accepted: 'not_accepted',
  withdrawn: 'withdrawn',
};

/**
 * Judicial confirmation, once the link is quiet: every application the mediation platform sent to the court
 * (confirmation.apply) is one confirmation case at the court, and the two agree on where it stands (the court's
 * acceptance, supplement request, ruling and the parties' withdrawal all applied on both sides).
 */
async function checkConfirmations(court: Side, mediation: Side, verdict: Verdict): Promise<void> {
  const sent = await rows<{ id: string; status: string }>(
    mediation.db,
    sql`select a.id, a.status from confirmation_applications a
        where exists (select 1 from docking_outbox o where o.peer_id = ${court.platformId}
                      and o.case_ref = a.id and o.type = 'confirmation.apply')`,
  );
  const held = await rows<{ id: string; link_ref: string; status: string }>(
    court.db,
    sql`select id, link_ref, status from court_cases
        where kind = 'confirmation' and peer_id = ${mediation.platformId}`,
  );
  const byRef = new Map<string, Array<{ id: string; status: string }>>();
  for (const c of held) byRef.set(c.link_ref, [...(byRef.get(c.link_ref) ?? []), c]);
  const note = (line: string) => {
    if (verdict.findings.length < 200) verdict.findings.push(`confirmation ${line}`);
  };
  for (const application of sent) {
    const cases = byRef.get(application.id) ?? [];
    // None: the application message was lost, which checkDirection counts already.
    if (cases.length > 1) {
      verdict.duplicated += cases.length - 1;
      note(`${application.id} opened ${cases.length} court cases: ${cases.map((c) => c.id).join(', ')}`);
    }
    const [courtCase] = cases;
    if (courtCase && APPLICATION_STATE_OF[courtCase.status] !== application.status) {
      verdict.diverged += 1;
      note(
        `${application.id} diverged: court case ${courtCase.id} ${courtCase.status}, application ${application.status}`,
      );
    }
  }
}

/** How many messages of each type a side wrote to the other (what the run covered). */
async function messageCounts(sender: Side, receiver: Side): Promise<Record<string, number>> {
  const found = await rows<{ type: string; n: number }>(
    sender.db,
    sql`select type, count(*)::int as n from docking_outbox where peer_id = ${receiver.platformId}
        group by 1 order by 1`,
  );
  return Object.fromEntries(found.map((r) => [r.type, r.n]));
}

/** Every operation acknowledged to its caller is on the case's timeline (as often as it was acknowledged). */
async function checkAcknowledged(
  sides: Record<'court' | 'mediation', Side>,
  acknowledged: readonly AcknowledgedOperation[],
  verdict: Verdict,
): Promise<void> {
  for (const platform of ['court', 'mediation'] as const) {
    const side = sides[platform];
    const cases = platform === 'court' ? sql.table('court_cases') : sql.table('cases');
    const inDb = new Map<string, number>();
    for (const timeline of timelines(side)) {
      const counted = await rows<{ id: string; event: string; n: number }>(
        side.db,
        sql`select t.id, t.event, count(*)::int as n from (${timeline}) t group by 1, 2`,
      );
      for (const r of counted) inDb.set(`${r.id} ${r.event}`, (inDb.get(`${r.id} ${r.event}`) ?? 0) + r.n);
    }
    const existing = new Set(
      (await rows<{ id: string }>(side.db, sql`select id from ${cases}`)).map((r) => r.id),
    );
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
  const verdict: Verdict = {
    lost: 0,
    duplicated: 0,
    diverged: 0,
    findings: [],
    messages: {
      'court→mediation': await messageCounts(court, mediation),
      'mediation→court': await messageCounts(mediation, court),
    },
  };
  await checkDirection(court, mediation, verdict);
  await checkDirection(mediation, court, verdict);
  await checkLinkStates(court, mediation, verdict);
  await checkConfirmations(court, mediation, verdict);
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
