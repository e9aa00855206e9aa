import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { formatMediationCaseNumber } from '@sutiao/domain/case-number.ts';
import { yearOf } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';

/**
 * Next case number of the organization for the year, e.g. (2026)中证调字第000001号. Runs in the submitting
 * transaction: the row lock makes concurrent submissions queue, and a rollback gives the number back (gapless).
 */
export async function allocateCaseNumber(
  trx: Kysely<DB>,
  organizationId: string,
  today: string,
): Promise<string> {
  const { numbering, prefix } = await numberingOf(trx, organizationId);
  const year = yearOf(today);
  // One statement: the row lock taken here is held until commit (concurrent submissions queue on it).
  const { last } = await nextNumberQuery(trx, numbering, year).executeTakeFirstOrThrow();
  return formatMediationCaseNumber({ year, orgPrefix: prefix, seq: last });
}

/** The sequence a case of the organization is numbered in, and its prefix: workstations number under their center. */
export async function numberingOf(
  trx: Kysely<DB>,
  organizationId: string,
): Promise<{ numbering: string; prefix: string }> {
  const org = await trx
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .select(['o.code', 'o.parent_id', 'parent.code as parent_code'])
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
  const numbering = org?.code ? organizationId : org?.parent_id;
  const prefix = org?.code ? org.code : numbering ? org?.parent_code : null;
  if (!numbering || !prefix) {
    throw appError('VALIDATION_FAILED', {
      reason: {
        zh: `机构 ${organizationId} 未设置案号代字`,
        en: `organization ${organizationId} has no case-number prefix`,
      },
    });
  }
  return { numbering, prefix };
}

/** Upsert…returning of the sequence row: takes the row's lock until commit; a rollback gives the number back. */
export function nextNumberQuery(trx: Kysely<DB>, numbering: string, year: number) {
  return trx
    .insertInto('case_number_sequences')
    .values({ organization_id: numbering, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'year'])
        .doUpdateSet((eb) => ({ last: eb('case_number_sequences.last', '+', 1) })),
    )
    .returning('last');
}
