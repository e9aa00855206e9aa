import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { loadAssessment, requireLossReader } from './loss-access.ts';
import { type InvestorResultView, presentResult } from './present-result.ts';

/** One investor's result with the engine's explanation: trades used, and why each other trade was excluded. */
export async function getInvestorResult(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string; investorId: string },
): Promise<InvestorResultView> {
  requireLossReader(ctx);
  await loadAssessment(deps.db, input.id);
  const row = await deps.db
    .selectFrom('loss_results as r')
    .leftJoin('loss_investors as i', (j) =>
      j.onRef('i.assessment_id', '=', 'r.assessment_id').onRef('i.investor_id', '=', 'r.investor_id'),
    )
    .selectAll('r')
    .select('i.name')
    .where('r.assessment_id', '=', input.id)
    .where('r.investor_id', '=', input.investorId)
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { entity: { zh: '核定结果', en: 'Result' } });
  return presentResult(row, true);
}
