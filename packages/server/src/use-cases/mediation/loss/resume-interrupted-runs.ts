import type { Deps } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { runAssessmentJob } from './assessment-job.ts';
import { leaseUntil } from './run-lease.ts';
import { runningAssessments } from './run-assessment.ts';

/**
 * Claims every run whose lease has lapsed (its process died mid-run) and starts it again from the stored inputs.
 * The claim is one conditional update, so of several instances exactly one resumes each run.
 * Called at start-up and then periodically by the platform.
 */
export async function resumeInterruptedRuns(deps: Deps): Promise<string[]> {
  const now = deps.now();
  const claimed = await deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('loss_assessments')
      .set({ run_lease_until: leaseUntil(now), progress_done: 0 })
      .where('status', '=', 'calculating')
      .where((eb) => eb.or([eb('run_lease_until', 'is', null), eb('run_lease_until', '<', now)]))
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id).filter((id) => !runningAssessments.has(id));
    if (ids.length > 0) await trx.deleteFrom('loss_results').where('assessment_id', 'in', ids).execute();
    return ids;
  });
  for (const id of claimed) {
    const job = runAssessmentJob(deps, id, `resume-${newId()}`).finally(() => runningAssessments.delete(id));
    runningAssessments.set(id, job);
  }
  return claimed;
}

/** Lets running jobs finish (or fail) before the database closes. */
export async function waitForRunningAssessments(): Promise<void> {
  await Promise.allSettled([...runningAssessments.values()]);
}
