import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { computedOccurrencesCte, OCCURRENCE_COLUMNS } from './occurrences.ts';

/**
 * Cases recomputed per transaction: small enough that each case's timeline is read through its index and a step stays
 * short (about 0.2 s on the 1,000,000-case bench), large enough for a backfill.
 */
const BATCH = 2000;
/** Serializes refreshes, so a reader that finds a refresh under way waits for it instead of reading behind it. */
const LOCK = 7734020;

/**
 * Brings table case_occurrences up to date: every case marked dirty (by the triggers of migration 020, when its
 * timeline, payments, confirmation applications, attributes or organizations changed) gets its rows recomputed by
 * the query that defines them (computedOccurrencesCte), in batches, each in its own transaction. Every statistics
 * read calls this first. Returns how many cases were recomputed.
 *
 * A case a writer marks while its batch runs is marked again once the batch commits (the mark is an upsert that
 * waits on the batch's row lock), so no change is left behind.
 */
export async function refreshOccurrences(db: Kysely<DB>): Promise<number> {
  let recomputed = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK})`.execute(trx);
      // JIT compilation of this large statement costs seconds and saves nothing on a batch this size.
      await sql`set local jit = off`.execute(trx);
      const { rows } = await sql<{ case_id: string }>`
        select case_id from statistics_dirty_cases order by case_id limit ${BATCH} for update`.execute(trx);
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.case_id);
      const list = sql.join(ids.map((id) => sql`${id}`));
      await sql`delete from statistics_dirty_cases where case_id in (${list})`.execute(trx);
      await sql`delete from case_occurrences where case_id in (${list})`.execute(trx);
      const columns = sql.join(OCCURRENCE_COLUMNS.map((c) => sql.ref(c)));
      await sql`
        insert into case_occurrences (${columns})
        with ${computedOccurrencesCte(ids)}
        select ${columns} from occurrences`.execute(trx);
      return ids.length;
    });
    recomputed += done;
    if (done < BATCH) return recomputed;
  }
}
