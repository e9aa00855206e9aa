import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import { type CaseLinkSummary, linkStateOf } from '@sutiao/domain/docking/link-state.ts';

/**
 * This side's summaries of the cases it shares with a peer: the link state from every message it wrote (its own
 * state changes happened, whatever the peer made of them) and every message of the peer's it applied.
 */
export async function caseLinkSummaries(
  db: Kysely<DB>,
  peerId: string,
  caseRefs?: readonly string[],
): Promise<Map<string, CaseLinkSummary>> {
  if (caseRefs && caseRefs.length === 0) return new Map();
  let sent = db
    .selectFrom('docking_outbox')
    .select(['case_ref', 'type', 'sequence'])
    .where('peer_id', '=', peerId)
    .where('case_ref', 'is not', null);
  let received = db
    .selectFrom('docking_inbox')
    .select(['case_ref', 'type', 'sequence', 'status'])
    .where('sender_id', '=', peerId)
    .where('case_ref', 'is not', null)
    .where('status', '!=', 'held');
  if (caseRefs) {
    sent = sent.where('case_ref', 'in', caseRefs);
    received = received.where('case_ref', 'in', caseRefs);
  }
  const [sentRows, receivedRows] = await Promise.all([sent.execute(), received.execute()]);
  const acc = new Map<string, { types: string[]; sent: number; applied: number }>();
  const entry = (ref: string) => {
    const known = acc.get(ref);
    if (known) return known;
    const fresh = { types: [] as string[], sent: 0, applied: 0 };
    acc.set(ref, fresh);
    return fresh;
  };
  for (const row of sentRows) {
    const e = entry(row.case_ref as string);
    e.types.push(row.type);
    e.sent = Math.max(e.sent, row.sequence);
  }
  for (const row of receivedRows) {
    const e = entry(row.case_ref as string);
    if (row.status === 'applied') e.types.push(row.type);
    e.applied = Math.max(e.applied, row.sequence);
  }
  return new Map(
    [...acc].map(([caseRef, e]) => [
      caseRef,
      { caseRef, linkState: linkStateOf(e.types), lastSequenceSent: e.sent, lastSequenceApplied: e.applied },
    ]),
  );
}
