import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/adapters/db/schema.ts';
import type { UserSession } from '../../chaos/api-client.ts';

export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Where a delegation's time goes, by the three clocks of one machine: the court's outbox row, the mediation inbox. */
export interface LatencyStages {
  /** POST …/delegate sent → the outbox row's created_at (the delegation's transaction). */
  written: Percentiles;
  /** → the mediation platform's inbox received_at (the relay's pick-up, the HTTP request, the envelope check). */
  relayed: Percentiles;
  /** → the court's delivered_at (the receiving transaction, the receipt back and stored). */
  answered: Percentiles;
  /** Delegations delivered on a second or later attempt. */
  retried: number;
}

export const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
};

const complaint = (n: number) => ({
  parties: [
    { kind: 'person', role: 'plaintiff', name: '张伟', idNumber: '31010119800101123X', phone: '13812345678' },
    { kind: 'organization', role: 'defendant', name: '华信证券股份有限公司', idNumber: '91310000MA1HX0001A' },
  ],
  claims: '判令被告赔偿原告投资差额损失',
  claimAmountFen: 2_000_000 + n,
  facts: '原告因被告虚假陈述买入股票受损。',
});

async function post(session: UserSession, path: string, body: unknown) {
  const answer = await session.call('POST', path, body);
  if (answer.status !== 200)
    throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

/**
 * Delegations through the court's API (complaint and consent first, untimed), `concurrency` filing officers at a
 * time. Each delegation's time: from sending POST …/delegate to the moment the court holds the mediation platform's
 * signed receipt for its case.delegate (the outbox row's delivered_at), read from the court's database.
 */
export async function measureDelegationLatency(options: {
  officer: UserSession;
  courtDb: Kysely<DB>;
  mediationDb: Kysely<DB>;
  organizationId: string;
  delegations: number;
  concurrency: number;
}): Promise<{ toReceipt: Percentiles; delegateAnswer: Percentiles; stages: LatencyStages }> {
  const sentAt = new Map<string, number>();
  const answered: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.delegations) {
      next += 1;
      const created = await post(options.officer, '/api/court/cases', complaint(next));
      const consented = await post(options.officer, `/api/court/cases/${created.id}/record-consent`, {
        expectedVersion: created.version,
        note: '双方当事人同意诉前调解',
      });
      const start = Date.now();
      await post(options.officer, `/api/court/cases/${created.id}/delegate`, {
        expectedVersion: consented.version,
        organizationId: options.organizationId,
        mediatorId: null,
      });
      answered.push(Date.now() - start);
      sentAt.set(created.id, start);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const refs = [...sentAt.keys()];
  const deadline = Date.now() + 120_000;
  type Delivered = {
    case_ref: string;
    message_id: string;
    created: number;
    delivered: number;
    attempts: number;
  };
  let rows: Delivered[] = [];
  while (Date.now() < deadline) {
    rows = (
      await sql<Delivered>`
        select case_ref, message_id, attempts, (extract(epoch from created_at) * 1000)::float8 as created,
          (extract(epoch from delivered_at) * 1000)::float8 as delivered from docking_outbox
        where type = 'case.delegate' and status = 'delivered' and case_ref = any(${refs})`.execute(
        options.courtDb,
      )
    ).rows;
    if (rows.length === refs.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (rows.length !== refs.length)
    throw new Error(`only ${rows.length} of ${refs.length} delegations got a receipt`);
  const received = new Map(
    (
      await sql<{ message_id: string; received: number }>`
        select message_id, (extract(epoch from received_at) * 1000)::float8 as received from docking_inbox
        where message_id = any(${rows.map((r) => r.message_id)})`.execute(options.mediationDb)
    ).rows.map((r) => [r.message_id, r.received]),
  );
  const stage = (f: (r: (typeof rows)[number], at: number) => number) =>
    percentiles(rows.map((r) => f(r, received.get(r.message_id) ?? Number.NaN)));
  return {
    toReceipt: percentiles(rows.map((r) => r.delivered - sentAt.get(r.case_ref)!)),
    delegateAnswer: percentiles(answered),
    stages: {
      written: stage((r) => r.created - sentAt.get(r.case_ref)!),
      relayed: stage((r, at) => at - r.created),
      answered: stage((r, at) => r.delivered - at),
      retried: rows.filter((r) => r.attempts > 1).length,
    },
  };
}
