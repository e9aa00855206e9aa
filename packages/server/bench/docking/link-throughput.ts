import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/adapters/db/schema.ts';
import { dockingOutbox } from '../../src/use-cases/docking/docking-outbox.ts';
import { delegationBody } from '../../test/support/referral-fixtures.ts';

export interface ThroughputFigures {
  messages: number;
  /** From the first message written to the last signed receipt stored. */
  seconds: number;
  perSecond: number;
  /** The median of the per-second delivery counts, first and last second left out (ramp up and tail). */
  steadyPerSecond: number;
  /** Outcomes of the receipts (all `accepted` when every delegation was applied). */
  outcomes: Record<string, number>;
}

/**
 * Sustained delivery: `messages` delegations written to the court's outbox through the outbox's own code (the
 * transaction a delegation writes, without the HTTP request in front), 500 per transaction, as fast as the database
 * takes them, while every relay instance of the court delivers them and the mediation platform applies each one
 * (a new case, parties matched and encrypted, notices, audit) and answers a signed receipt.
 */
export async function measureLinkThroughput(options: {
  courtDb: Kysely<DB>;
  peerId: string;
  organizationId: string;
  messages: number;
}): Promise<ThroughputFigures> {
  const outbox = dockingOutbox(() => new Date());
  const started = Date.now();
  const tag = randomUUID().slice(0, 8);
  for (let written = 0; written < options.messages; written += 500) {
    const count = Math.min(500, options.messages - written);
    await options.courtDb.transaction().execute((trx) =>
      outbox.enqueue(
        trx,
        Array.from({ length: count }, (_, i) => ({
          type: 'case.delegate' as const,
          peerId: options.peerId,
          caseRef: `bench-${tag}-${written + i}`,
          body: delegationBody({
            organizationId: options.organizationId,
            preFilingNumber: `(2026)沪74民诉前调${written + i + 1}号`,
          }),
        })),
      ),
    );
  }
  const like = `bench-${tag}-%`;
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const [left] = (
      await sql<{ n: number }>`select count(*)::int as n from docking_outbox
        where case_ref like ${like} and status = 'pending'`.execute(options.courtDb)
    ).rows;
    if ((left?.n ?? 0) === 0) break;
    if (Date.now() > deadline) throw new Error(`${left?.n} messages still pending after 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { rows } = await sql<{ second: number; n: number }>`
    select floor(extract(epoch from delivered_at))::int8 as second, count(*)::int as n from docking_outbox
    where case_ref like ${like} group by 1 order by 1`.execute(options.courtDb);
  const outcomes = (
    await sql<{ outcome: string; n: number }>`
      select receipt->'receipt'->>'outcome' as outcome, count(*)::int as n from docking_outbox
      where case_ref like ${like} group by 1`.execute(options.courtDb)
  ).rows;
  const [last] = (
    await sql<{ at: number }>`select (extract(epoch from max(delivered_at)) * 1000)::float8 as at
      from docking_outbox where case_ref like ${like}`.execute(options.courtDb)
  ).rows;
  const seconds = ((last?.at ?? Date.now()) - started) / 1000;
  const steady = rows
    .slice(1, -1)
    .map((r) => r.n)
    .sort((a, b) => a - b);
  return {
    messages: options.messages,
    seconds,
    perSecond: options.messages / seconds,
    steadyPerSecond: steady[Math.floor(steady.length / 2)] ?? 0,
    outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
  };
}
