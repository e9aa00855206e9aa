import type { Deps, SignedInContext } from '../../deps.ts';
import { readableCasesFilter } from './case-access.ts';
import { type CaseSummary, presentSummary } from './present-case.ts';

export interface ListCasesInput {
  status?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const MAX_PAGE_SIZE = 100;

/** The actor's case queue, newest activity first; scope follows the same rule as reading one case. */
export async function listCases(
  deps: Deps,
  ctx: SignedInContext,
  input: ListCasesInput = {},
): Promise<{ items: CaseSummary[]; total: number }> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(input.page ?? 1, 1);
  let base = deps.db
    .selectFrom('cases')
    .innerJoin('organizations as handling', 'handling.id', 'cases.organization_id')
    .innerJoin('organizations as respondent', 'respondent.id', 'cases.respondent_org_id')
    .where(readableCasesFilter(ctx.actor));
  if (input.status) base = base.where('cases.status', '=', input.status);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'cases.id',
      'cases.case_number',
      'cases.status',
      'cases.track',
      'cases.applicant_name',
      'cases.claim_amount_fen',
      'cases.next_deadline_kind',
      'cases.next_deadline_date',
      'cases.updated_at',
      'respondent.name as respondent_name',
      'handling.name as organization_name',
    ])
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(presentSummary), total: Number(total) };
}
