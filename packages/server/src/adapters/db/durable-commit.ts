import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Early lock release for transactions that hold hot locks until they end (the audit chain's advisory lock, a
 * case-number sequence row): the commit does not wait for the WAL flush, so the next transaction takes the locks
 * while this commit record is still being written, and flushes are shared instead of queued one by one.
 * Call `awaitDurable` after the commit and before answering anyone: the caller's guarantee stays that of a
 * synchronous commit. The WAL is one ordered log: a transaction that read what this one wrote commits after it, so
 * it cannot be durable unless this one is; a crash before the flush loses only transactions nobody was told about.
 */
export async function releaseLocksAtCommit(trx: Kysely<DB>): Promise<void> {
  await sql`set local synchronous_commit = off`.execute(trx);
}

/**
 * Returns once everything committed so far is on disk: a transaction that writes one WAL record (a logical message,
 * no table) and commits synchronously flushes the log up to its own commit record. Concurrent callers share flushes.
 */
export async function awaitDurable(db: Kysely<DB>): Promise<void> {
  // One statement in a transaction of its own (one round trip): the setting holds until that transaction's commit.
  await sql`select set_config('synchronous_commit', 'on', true), pg_logical_emit_message(true, 'sutiao.durable', '')`.execute(
    db,
  );
}
