import type { LossAssessmentStatus } from '../../../adapters/db/loss-schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireLossReader } from './loss-access.ts';
import { type AssessmentSummaryView, presentSummary } from './present-assessment.ts';

interface ListAssessmentsInput {
  status?: LossAssessmentStatus;
  /** Substring of the case number. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Assessments, newest first, for analysts and organization administrators. */
export async function listAssessments(
  deps: Deps,
  ctx: SignedInContext,
  input: ListAssessmentsInput,
): Promise<{ items: AssessmentSummaryView[]; total: number }> {
  requireLossReader(ctx);
  const pageSize = input.pageSize ?? 20;
  const page = input.page ?? 1;
  let query = deps.db.selectFrom('loss_assessments');
  if (input.status) query = query.where('status', '=', input.status);
  if (input.q) query = query.where('case_number', 'like', `%${input.q.replace(/[%_\\]/g, '\\$&')}%`);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentSummary), total: Number(count.n) };
}
