import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { ConfirmationEvent } from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import type { Permission } from '@sutiao/domain/permissions.ts';
import type { CourtCaseRow } from '../court-case-access.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import { type CourtEventInput, runOnCourtCase } from '../run-court-event.ts';
import { applyConfirmationTransition, type ConfirmationKernelRequest } from './confirmation-binding.ts';

type EventRequest = Omit<ConfirmationKernelRequest, 'id' | 'today' | 'locked' | 'event'> & {
  event: ConfirmationEvent;
};

/** Events only the judge assigned to the case may fire once one is assigned. */
const ASSIGNED_JUDGE_ONLY: readonly ConfirmationEvent[] = [
  'request-supplement',
  'supplement-lapsed',
  'record-inquiry',
  'extend-review',
  'confirm',
  'reject',
];

/**
 * One court user's event on a confirmation case (`runOnCourtCase`): the case must be of kind confirmation, the
 * review's events are the assigned judge's, then lifecycle D through the kernel.
 */
export function runConfirmationEvent(
  deps: Deps,
  ctx: SignedInContext,
  permission: Permission,
  input: CourtEventInput,
  build: (trx: Kysely<DB>, row: CourtCaseRow) => EventRequest | Promise<EventRequest>,
): Promise<CourtCaseDetail> {
  return runOnCourtCase(deps, ctx, permission, input, async (trx, row) => {
    if (row.kind !== 'confirmation')
      throw appError('CASE_ILLEGAL_EVENT', { state: row.status, event: permission });
    const request = await build(trx, row);
    if (
      ASSIGNED_JUDGE_ONLY.includes(request.event) &&
      row.judge_user_id &&
      row.judge_user_id !== ctx.actor.userId
    ) {
      throw appError('FORBIDDEN');
    }
    const result = await applyConfirmationTransition(deps, ctx, trx, {
      ...request,
      id: row.id,
      locked: row,
      expectedVersion: input.expectedVersion,
    });
    return result.after;
  });
}
