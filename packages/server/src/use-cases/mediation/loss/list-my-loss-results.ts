import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import type { InvestorResultView } from './present-result.ts';

export interface MyLossResult extends InvestorResultView {
  caseNumber: string;
  courtName: string;
  issuedAt: string;
  verificationCode: string;
}

/**
 * The signed-in investor's own results in issued assessments, matched by the blind index of their ID number —
 * the only link between an account and an investor list, so nobody else's row can ever match.
 */
export async function listMyLossResults(deps: Deps, ctx: SignedInContext): Promise<MyLossResult[]> {
  requirePermission(ctx, 'loss.read.own');
  const me = await deps.db
    .selectFrom('users')
    .select('id_number_index')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (!me?.id_number_index) return [];
  const rows = await deps.db
    .selectFrom('loss_investors as i')
    .innerJoin('loss_results as r', (j) =>
      j.onRef('r.assessment_id', '=', 'i.assessment_id').onRef('r.investor_id', '=', 'i.investor_id'),
    )
    .innerJoin('loss_assessments as a', 'a.id', 'i.assessment_id')
    .innerJoin('loss_reports as p', 'p.assessment_id', 'a.id')
    .select([
      'r.assessment_id',
      'r.investor_id',
      'r.eligible',
      'r.reason',
      'r.row',
      'r.explanation',
      'i.name',
      'a.case_number',
      'a.court_name',
      'p.issued_at',
      'p.verification_code',
    ])
    .where('i.id_number_index', '=', me.id_number_index)
    .where('a.status', '=', 'issued')
    .orderBy('p.issued_at', 'desc')
    .execute();
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    investorId: r.investor_id,
    name: r.name, // their own name, unmasked
    eligible: r.eligible,
    reason: r.reason,
    row: r.row,
    explanation: r.explanation,
    caseNumber: r.case_number,
    courtName: r.court_name,
    issuedAt: new Date(r.issued_at).toISOString(),
    verificationCode: r.verification_code,
  }));
}
