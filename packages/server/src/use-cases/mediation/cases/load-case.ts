import type { Kysely, Selectable } from 'kysely';
import type { CasesTable, DB } from '../../../adapters/db/schema.ts';
import { appError } from '@sutiao/domain/errors.ts';

/** A case row with what policies and presenters need from its organizations. */
export interface LoadedCase extends Selectable<CasesTable> {
  organization_name: string;
  /** The handling organization's parent: a workstation's center administers its cases too. */
  organization_parent_id: string | null;
  respondent_name: string;
  respondent_firm_type: string | null;
}

export const caseNotFound = () => appError('NOT_FOUND', { entity: { zh: '案件', en: 'Case' } });

/** Loads one case; `forUpdate` locks the case row (not the organizations) until the transaction ends. */
export async function loadCase(
  db: Kysely<DB>,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedCase | undefined> {
  let query = db
    .selectFrom('cases')
    .innerJoin('organizations as handling', 'handling.id', 'cases.organization_id')
    .innerJoin('organizations as respondent', 'respondent.id', 'cases.respondent_org_id')
    .selectAll('cases')
    .select([
      'handling.name as organization_name',
      'handling.parent_id as organization_parent_id',
      'respondent.name as respondent_name',
      'respondent.firm_type as respondent_firm_type',
    ])
    .where('cases.id', '=', caseId);
  if (options.forUpdate) query = query.forUpdate('cases');
  return query.executeTakeFirst();
}
