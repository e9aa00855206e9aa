import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { applyLossTransition } from './loss-transition.ts';
import { getAssessment } from './get-assessment.ts';
import { inputsComplete } from './inputs-complete.ts';
import { loadAssessment } from './loss-access.ts';
import type { AssessmentDetail } from './present-assessment.ts';

interface UpdateParametersInput {
  id: string;
  expectedVersion: number;
  /** LOSS-SPEC §1 parameters as entered; problems are reported on the assessment, not refused. */
  params: Record<string, unknown>;
}

/** Saves the parameters; a computed assessment goes back to data_ready and its results are discarded. */
export async function updateParameters(
  deps: Deps,
  ctx: SignedInContext,
  input: UpdateParametersInput,
): Promise<AssessmentDetail> {
  requirePermission(ctx, 'loss.assess');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(trx, input.id, { forUpdate: true });
    const complete = await inputsComplete(trx, row.id, input.params);
    await applyLossTransition(
      trx,
      ctx,
      row,
      {
        event: 'update_params',
        expectedVersion: input.expectedVersion,
        inputsComplete: complete,
        changes: { params: JSON.stringify(input.params), summary: null, run_error: null },
        audit: { params: input.params },
      },
      now,
    );
    await trx.deleteFrom('loss_results').where('assessment_id', '=', row.id).execute();
  });
  return getAssessment(deps, ctx, { id: input.id });
}
