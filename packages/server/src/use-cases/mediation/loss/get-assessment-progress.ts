import type { Deps, SignedInContext } from '../../../deps.ts';
import type { LossState } from '@sutiao/domain/lifecycles/loss-assessment.ts';
import { loadAssessment, requireLossReader } from './loss-access.ts';

export interface AssessmentProgress {
  status: LossState;
  done: number;
  total: number;
  /** 0–100, for the progress bar. */
  percent: number;
  runError: Record<string, unknown> | null;
}

/** What the progress bar polls: cheap, one row. */
export async function getAssessmentProgress(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<AssessmentProgress> {
  requireLossReader(ctx);
  const row = await loadAssessment(deps.db, input.id);
  const total = row.progress_total;
  const done = row.status === 'calculating' ? row.progress_done : total;
  return {
    status: row.status,
    done,
    total,
    percent: total > 0 ? Math.floor((done * 100) / total) : row.status === 'calculating' ? 0 : 100,
    runError: row.run_error,
  };
}
