import type { Deps, SignedInContext } from '../../../deps.ts';
import { readableCasesFilter } from './case-access.ts';
import { type CaseSummary, presentSummary } from './present-case.ts';

interface ListCasesInput {
  status?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface CaseListPage {
  items: CaseSummary[];
  /** Exact up to the counting cap; beyond it `totalCapped` is true and `total` is a lower bound. */
  total: number;
  totalCapped: boolean;
}

const MAX_PAGE_SIZE = 100;
/** Counting stops here (or at the end of the requested page, if later): no count over 100k rows per page view. */
export const TOTAL_COUNT_CAP = 10_000;

/**
 * The actor's case queue, newest activity first; scope follows the same rule as reading one case.
 * The page's ids come from the cases table alone (an index-only scan for the large scopes), then only those
 * rows are joined with their organizations.
 */
export async function listCases(
  deps: Deps,
  ctx: SignedInContext,
  input: ListCasesInput = {},
): Promise<CaseListPage> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(input.page ?? 1, 1);
  const offset = (page - 1) * pageSize;
  let scope = deps.db.selectFrom('cases').where(readableCasesFilter(ctx.actor));
  if (input.status) scope = scope.where('cases.status', '=', input.status);
  const cap = Math.max(TOTAL_COUNT_CAP, offset + pageSize);
  const counted = await deps.db
    .selectFrom(
      scope
        .select('cases.id')
        .limit(cap + 1)
        .as('scoped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  const pageIds = scope
    .select('cases.id')
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .limit(pageSize)
    .offset(offset);
  const rows =
    offset >= n
      ? []
      : await deps.db
          .selectFrom('cases')
          .innerJoin('organizations as handling', 'handling.id', 'cases.organization_id')
          .innerJoin('organizations as respondent', 'respondent.id', 'cases.respondent_org_id')
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
            'cases.source',
            'cases.court_name',
            'cases.court_case_number',
            'cases.court_case_ref',
            'cases.court_deadline_date',
            'respondent.name as respondent_name',
            'handling.name as organization_name',
          ])
          .where('cases.id', 'in', pageIds)
          .orderBy('cases.updated_at', 'desc')
          .orderBy('cases.id')
          .execute();
  return { items: rows.map(presentSummary), total: Math.min(n, cap), totalCapped: n > cap };
}
