import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import { formatMediationCaseNumber } from '../../domain/case-number.ts';
import { yearOf } from '../../domain/calendar/dates.ts';
import { appError } from '../../domain/errors.ts';

/**
 * Next case number of the organization for the year, e.g. (2026)中证调字第000001号. Runs in the submitting
 * transaction: the row lock makes concurrent submissions queue, and a rollback gives the number back (gapless).
 */
export async function allocateCaseNumber(
  trx: Kysely<DB>,
  organizationId: string,
  today: string,
): Promise<string> {
  const org = await trx
    .selectFrom('organizations')
    .select(['code', 'parent_id'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  // Workstations number under their center's prefix and sequence.
  const numbering = org?.code ? organizationId : org?.parent_id;
  const prefix = org?.code
    ? org.code
    : numbering
      ? (await trx.selectFrom('organizations').select('code').where('id', '=', numbering).executeTakeFirst())
          ?.code
      : null;
  if (!numbering || !prefix) {
    throw appError('VALIDATION_FAILED', {
      reason: {
        zh: `机构 ${organizationId} 未设置案号代字`,
        en: `organization ${organizationId} has no case-number prefix`,
      },
    });
  }
  const year = yearOf(today);
  // One statement: the row lock taken here is held until commit (concurrent submissions queue on it).
  const { last } = await trx
    .insertInto('case_number_sequences')
    .values({ organization_id: numbering, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'year'])
        .doUpdateSet((eb) => ({ last: eb('case_number_sequences.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatMediationCaseNumber({ year, orgPrefix: prefix, seq: last });
}
