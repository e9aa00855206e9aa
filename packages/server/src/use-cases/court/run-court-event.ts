import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { Permission } from '@sutiao/domain/permissions.ts';
import { requirePermission } from '../common/require-permission.ts';
import { type CourtCaseRow, loadCourtCase } from './court-case-access.ts';
import type { CourtKernelRequest } from './court-case-binding.ts';
import { applyCourtTransition, type CourtTransitionRequest } from './court-transition.ts';
import { type CourtCaseDetail, presentDetail } from './present-court-case.ts';

export interface CourtEventInput {
  caseId: string;
  /** The version the client read; a different current version is CASE_STATE_CONFLICT. */
  expectedVersion: number;
}

type EventRequest = Omit<CourtKernelRequest, 'id' | 'today' | 'event' | 'locked'> & {
  event: CourtTransitionRequest['event'];
};

/**
 * A court user's act on a case in its own transaction: the permission first, the case locked through the court read
 * policy, the version the client read, then `apply` (a lifecycle's transition), and the case page as it is
 * afterwards. Lifecycles B and C (`runCourtEvent`) and D (`confirmation/run-confirmation-event.ts`) share it.
 */
export async function runOnCourtCase(
  deps: Deps,
  ctx: SignedInContext,
  permission: Permission,
  input: CourtEventInput,
  apply: (trx: Kysely<DB>, row: CourtCaseRow) => Promise<CourtCaseRow>,
): Promise<CourtCaseDetail> {
  requirePermission(ctx, permission);
  const after = await deps.db.transaction().execute(async (trx) => {
    const row = await loadCourtCase(trx, ctx.actor, input.caseId, { forUpdate: true });
    if (row.version !== input.expectedVersion) throw appError('CASE_STATE_CONFLICT');
    return apply(trx, row);
  });
  return presentDetail(deps, ctx, deps.db, after);
}

/** One event of lifecycle B or C: the request built from the locked row (it may read or number things). */
export function runCourtEvent(
  deps: Deps,
  ctx: SignedInContext,
  permission: Permission,
  input: CourtEventInput,
  build: (trx: Kysely<DB>, row: CourtCaseRow) => EventRequest | Promise<EventRequest>,
): Promise<CourtCaseDetail> {
  return runOnCourtCase(deps, ctx, permission, input, async (trx, row) => {
    const request = await build(trx, row);
    const result = await applyCourtTransition(deps, ctx, trx, {
      ...request,
      caseId: row.id,
      kind: row.kind,
      locked: row,
      expectedVersion: input.expectedVersion,
    } as CourtTransitionRequest);
    return result.after;
  });
}

/** The trimmed note of an event, or null (the lifecycle's note guard then refuses it in zh and en). */
export const noteOf = (note: string | null | undefined): string | null => note?.trim() || null;
