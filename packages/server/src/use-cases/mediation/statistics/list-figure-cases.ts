import { sql } from 'kysely';
import type { ListableFigure } from '@sutiao/domain/statistics/figures.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { inPeriod, pageOccurrences } from '../../common/statistics/aggregate-occurrences.ts';
import { groupKey, occurrencesCte, ofFigure } from './occurrences.ts';
import { refreshOccurrences } from './refresh-occurrences.ts';
import { resolveStatisticsQuery, type StatisticsQuery } from './statistics-request.ts';

export interface FigureCase {
  caseId: string;
  caseNumber: string | null;
  organizationName: string;
  status: string;
  track: string | null;
  source: string;
  claimAmountFen: number;
  /** The day the counted event happened (registration, acceptance, payment, …). */
  day: string;
  /** The amount this row adds to an amount figure (the claim on acceptance, the payment); 0 for counts. */
  amountFen: number;
}

export interface FigureCases {
  figure: ListableFigure;
  group: string | null;
  total: number;
  /** Sum of amountFen over every row, not only this page: equals an amount figure. */
  totalAmountFen: number;
  items: FigureCase[];
}

/**
 * The cases behind one figure (drill-down): the same occurrences the figure counts, in the same period, scope and
 * filters, optionally in one group of the breakdown. A payment figure lists one row per payment.
 */
export async function listFigureCases(
  deps: Deps,
  ctx: SignedInContext,
  query: StatisticsQuery & { figure: ListableFigure; group?: string; page?: number; pageSize?: number },
): Promise<FigureCases> {
  const { period, filter, groupBy } = await resolveStatisticsQuery(deps, ctx, query);
  const pageSize = query.pageSize ?? 50;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const inGroup =
    groupBy && query.group !== undefined ? sql`and ${groupKey(groupBy)} = ${query.group}` : sql``;
  const where = sql`${inPeriod(period)} and ${ofFigure(query.figure)} ${inGroup}`;
  await refreshOccurrences(deps.db);
  const found = await pageOccurrences<{
    id: string;
    case_number: string | null;
    organization_name: string;
    status: string;
    track: string | null;
    source: string;
    claim_amount_fen: string;
    day: string;
    amount: string;
  }>(
    deps.db,
    occurrencesCte(filter),
    where,
    sql`id, case_number, organization_name, status, track, source, claim_amount_fen,
      to_char(day, 'YYYY-MM-DD') as day, amount`,
    { limit: pageSize, offset },
  );
  return {
    figure: query.figure,
    group: groupBy && query.group !== undefined ? query.group : null,
    total: found.total,
    totalAmountFen: found.totalAmountFen,
    items: found.rows.map((r) => ({
      caseId: r.id,
      caseNumber: r.case_number,
      organizationName: r.organization_name,
      status: r.status,
      track: r.track,
      source: r.source,
      claimAmountFen: Number(r.claim_amount_fen),
      day: r.day,
      amountFen: Number(r.amount),
    })),
  };
}
