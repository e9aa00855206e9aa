import { type Kysely, sql } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import { formatCourtCaseNumber } from '@sutiao/domain/case-number.ts';

/**
 * The next number of a court's sequence for a year and case type, e.g. (2026)沪74民诉前调12号. The counter moves in the
 * caller's transaction: a rolled-back transaction gives its number back, so numbers are gapless and never reused,
 * and the row lock serializes two filings at once.
 */
export async function nextCourtCaseNumber(
  trx: Kysely<DB>,
  court: { id: string; code: string },
  year: number,
  caseType: '民诉前调' | '民初' | '民特',
): Promise<string> {
  const row = await trx
    .insertInto('court_case_sequences')
    .values({ court_id: court.id, year, case_type: caseType, last: 1 })
    .onConflict((oc) =>
      oc.columns(['court_id', 'year', 'case_type']).doUpdateSet({ last: sql`court_case_sequences.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatCourtCaseNumber({ year, courtCode: court.code, caseType, seq: row.last });
}
