import type { Deps, SignedInContext } from '../../../deps.ts';
import { loadAssessment, requireLossReader } from './loss-access.ts';
import { type AssessmentDetail, presentAssessment } from './present-assessment.ts';

/** One assessment with its parameters, files, progress, summary and the actor's abilities. */
export async function getAssessment(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<AssessmentDetail> {
  requireLossReader(ctx);
  const row = await loadAssessment(deps.db, input.id);
  return presentAssessment(deps.db, ctx, row);
}
