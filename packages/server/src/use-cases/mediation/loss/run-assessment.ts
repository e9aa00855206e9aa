import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { applyLossTransition } from './loss-transition.ts';
import { runAssessmentJob } from './assessment-job.ts';
import { getAssessment } from './get-assessment.ts';
import { inputsComplete } from './inputs-complete.ts';
import { loadAssessment } from './loss-access.ts';
import { leaseUntil } from './run-lease.ts';
import type { AssessmentDetail } from './present-assessment.ts';

/** Runs still going in this process; awaited on shutdown (and by tests) so none writes to a closed database. */
export const runningAssessments = new Map<string, Promise<void>>();

/**
 * Moves the assessment to calculating (discarding earlier results) and starts the run in the background;
 * the client polls the progress. The run reports back through the lifecycle's finish/fail events.
 */
export async function runAssessment(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<AssessmentDetail> {
  requirePermission(ctx, 'loss.assess');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(trx, input.id, { forUpdate: true });
    const trades = await trx
      .selectFrom('loss_assessment_files')
      .select('rows')
      .where('assessment_id', '=', row.id)
      .where('kind', '=', 'trades')
      .executeTakeFirst();
    await applyLossTransition(
      trx,
      ctx,
      row,
      {
        event: 'run',
        inputsComplete: await inputsComplete(trx, row.id, row.params),
        changes: {
          progress_done: 0,
          progress_total: trades?.rows ?? 0,
          run_error: null,
          summary: null,
          run_lease_until: leaseUntil(now),
        },
      },
      now,
    );
    await trx.deleteFrom('loss_results').where('assessment_id', '=', row.id).execute();
  });
  const job = runAssessmentJob(deps, input.id, ctx.requestId).finally(() =>
    runningAssessments.delete(input.id),
  );
  runningAssessments.set(input.id, job);
  return getAssessment(deps, ctx, input);
}
