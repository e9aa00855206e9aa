import { sql } from 'kysely';
import type { ListableCourtFigure } from '@sutiao/domain/statistics/court-figures.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { inPeriod, pageOccurrences } from '../../common/statistics/aggregate-occurrences.ts';
import { courtGroupKey, courtOccurrencesCte, ofCourtFigure } from './court-occurrences.ts';
import { type CourtStatisticsQuery, resolveCourtStatisticsQuery } from './court-statistics-scope.ts';

export interface CourtFigureCases {
  figure: ListableCourtFigure;
  group: string | null;
  total: number;
  totalAmountFen: number;
  items: {
    caseId: string;
    caseNumber: string | null;
    kind: string;
    status: string;
    courtName: string;
    organizationName: string | null;
    claimAmountFen: number;
    day: string;
    amountFen: number;
  }[];
}

/** The court cases behind one court figure, in the same scope, period, filters and (optionally) group. */
export async function listCourtFigureCases(
  deps: Deps,
  ctx: SignedInContext,
  query: CourtStatisticsQuery & {
    figure: ListableCourtFigure;
    group?: string;
    page?: number;
    pageSize?: number;
  },
): Promise<CourtFigureCases> {
  const { period, filter, groupBy } = await resolveCourtStatisticsQuery(deps, ctx, query);
  const pageSize = query.pageSize ?? 50;
  const inGroup =
    groupBy && query.group !== undefined ? sql`and ${courtGroupKey(groupBy)} = ${query.group}` : sql``;
  const found = await pageOccurrences<{
    id: string;
    case_number: string | null;
    kind: string;
    status: string;
    court_name: string;
    organization_name: string | null;
    claim_amount_fen: string;
    day: string;
    amount: string;
  }>(
    deps.db,
    courtOccurrencesCte(filter),
    sql`${inPeriod(period)} and ${ofCourtFigure(query.figure)} ${inGroup}`,
    sql`id, case_number, kind, status, court_name, organization_name, claim_amount_fen,
      to_char(day, 'YYYY-MM-DD') as day, amount`,
    { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize },
  );
  return {
    figure: query.figure,
    group: groupBy && query.group !== undefined ? query.group : null,
    total: found.total,
    totalAmountFen: found.totalAmountFen,
    items: found.rows.map((r) => ({
      caseId: r.id,
      caseNumber: r.case_number,
      kind: r.kind,
      status: r.status,
      courtName: r.court_name,
      organizationName: r.organization_name,
      claimAmountFen: Number(r.claim_amount_fen),
      day: r.day,
      amountFen: Number(r.amount),
    })),
  };
}
