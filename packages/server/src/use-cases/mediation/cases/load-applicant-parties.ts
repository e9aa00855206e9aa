import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { invalid } from './application-input.ts';

/**
 * What a new application needs to know, in one statement: the applicant's name and investor kind, the respondent
 * (which must be a registered firm) and the handling organization.
 */
export async function loadApplicantParties(
  db: Kysely<DB>,
  userId: string,
  respondentOrgId: string,
  handlingOrgId: string,
) {
  const row = await db
    .selectFrom('users')
    .leftJoin('organizations as firm', (join) =>
      join.on('firm.id', '=', respondentOrgId).on('firm.kind', '=', 'firm'),
    )
    .innerJoin('organizations as handling', (join) => join.on('handling.id', '=', handlingOrgId))
    .select([
      'users.display_name',
      'users.investor_kind',
      'firm.id as firm_id',
      'firm.name as firm_name',
      'firm.firm_type',
      'handling.name as handling_name',
      'handling.parent_id as handling_parent_id',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!row.firm_id || row.firm_name === null) {
    throw invalid('被申请人须为已登记的经营机构', 'respondentOrgId is not a registered firm');
  }
  return {
    applicant: { display_name: row.display_name, investor_kind: row.investor_kind },
    firm: { name: row.firm_name, firm_type: row.firm_type },
    handling: { name: row.handling_name, parent_id: row.handling_parent_id },
  };
}
