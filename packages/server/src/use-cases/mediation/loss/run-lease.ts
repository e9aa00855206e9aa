import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

/** Long enough for one chunk on a loaded machine; a dead run is picked up again after this. */
const RUN_LEASE_MS = 2 * 60_000;

export const leaseUntil = (now: Date): Date => new Date(now.getTime() + RUN_LEASE_MS);

/** Renews the lease of a run that is still calculating; false when the assessment left that state. */
export async function renewRunLease(
  db: Kysely<DB>,
  id: string,
  now: Date,
  progressDone?: number,
): Promise<boolean> {
  const result = await db
    .updateTable('loss_assessments')
    .set({
      run_lease_until: leaseUntil(now),
      ...(progressDone === undefined ? {} : { progress_done: progressDone }),
    })
    .where('id', '=', id)
    .where('status', '=', 'calculating')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
