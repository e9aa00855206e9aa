import type { Deps, SignedInContext } from '../../../deps.ts';
import { loadAssessment, requireLossReader } from './loss-access.ts';
import { type InvestorResultView, presentResult } from './present-result.ts';

interface ListResultsInput {
  id: string;
  /** Prefix of the investor id. */
  investorId?: string;
  /** Only investors with a loss (total > 0). */
  withLoss?: boolean;
  page?: number;
  pageSize?: number;
}

/** One page of an assessment's results in investor-id order (explanations via getInvestorResult). */
export async function listAssessmentResults(
  deps: Deps,
  ctx: SignedInContext,
  input: ListResultsInput,
): Promise<{ items: InvestorResultView[]; total: number; page: number; pageSize: number }> {
  requireLossReader(ctx);
  await loadAssessment(deps.db, input.id);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  let query = deps.db
    .selectFrom('loss_results as r')
    .leftJoin('loss_investors as i', (j) =>
      j.onRef('i.assessment_id', '=', 'r.assessment_id').onRef('i.investor_id', '=', 'r.investor_id'),
    )
    .where('r.assessment_id', '=', input.id);
  if (input.investorId)
    query = query.where('r.investor_id', 'like', `${input.investorId.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.withLoss) query = query.where('r.total_fen', '>', 0);
  const [rows, count] = await Promise.all([
    query
      .select([
        'r.assessment_id',
        'r.investor_id',
        'r.eligible',
        'r.reason',
        'r.total_fen',
        'r.row',
        'r.explanation',
        'i.name',
      ])
      .orderBy('r.investor_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentResult(r, false)), total: Number(count.n), page, pageSize };
}
