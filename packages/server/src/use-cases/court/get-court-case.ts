import type { Deps, SignedInContext } from '../../deps.ts';
import { requirePermission } from '../common/require-permission.ts';
import { loadCourtCase } from './court-case-access.ts';
import { type CourtCaseDetail, presentDetail } from './present-court-case.ts';

/** A court case page: parties masked, timeline, deadlines, documents and the actor's abilities; NOT_FOUND elsewhere. */
export async function getCourtCase(
  deps: Deps,
  ctx: SignedInContext,
  caseId: string,
): Promise<CourtCaseDetail> {
  requirePermission(ctx, 'court.case.read');
  const row = await loadCourtCase(deps.db, ctx.actor, caseId);
  return presentDetail(deps, ctx, deps.db, row);
}
