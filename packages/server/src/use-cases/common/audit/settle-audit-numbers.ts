import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../adapters/db/database.ts';
import type { DB } from '../../../adapters/db/schema.ts';

const POLL_MS = 20;

/**
 * The highest record number below which nothing can still commit: read the sequence, then wait for every
 * transaction of this database that had an id by then to end. A record's transaction gets its id before its number
 * (trigger `audit_log_number`), so a record numbered up to the answer is committed or rolled back for good.
 * Answers null if those transactions are still running after `maxWaitMs` (try again later). Nothing numbered past
 * `covered` (the log already holds everything): no wait at all, so an idle platform costs one query.
 */
export async function settledAuditSeq(
  db: Kysely<DB>,
  engine: Engine,
  maxWaitMs: number,
  covered = 0,
): Promise<number | null> {
  const { rows } = await sql<{ last: number }>`
    select (case when is_called then last_value else last_value - 1 end)::int8 as last from audit_log_seq_seq`.execute(
    db,
  );
  const last = Number(rows[0]?.last ?? 0);
  // The embedded engine runs one transaction at a time (pglite-pool.ts): none is running while this one asks.
  if (last <= covered || engine === 'pglite') return last;
  const { rows: running } = await sql<{ pid: number; xid: string }>`
    select pid, backend_xid::text as xid from pg_stat_activity
    where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`.execute(db);
  if (running.length === 0) return last;
  const pids = running.map((r) => r.pid);
  const xids = running.map((r) => r.xid);
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const { rows: still } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity a
      join unnest(${pids}::int[], ${xids}::text[]) as w(pid, xid) on a.pid = w.pid and a.backend_xid::text = w.xid`.execute(
      db,
    );
    if ((still[0]?.n ?? 0) === 0) return last;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
