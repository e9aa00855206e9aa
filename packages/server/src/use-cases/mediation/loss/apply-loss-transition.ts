import type { Kysely, Updateable } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { LossAssessmentsTable } from '../../../adapters/db/loss-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { RequestContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import {
  LOSS_ASSESSMENT_LIFECYCLE,
  type LossEvent,
  type LossState,
} from '@sutiao/domain/lifecycles/loss-assessment.ts';
import { fire } from '@sutiao/domain/lifecycles/state-machine.ts';
import type { AssessmentRow } from './loss-access.ts';

export interface LossTransition {
  event: LossEvent;
  /** Whether the inputs are complete after this change (decides draft vs data_ready). */
  inputsComplete: boolean;
  changes?: Omit<Updateable<LossAssessmentsTable>, 'id' | 'status' | 'version'>;
  audit?: Record<string, unknown>;
}

/**
 * Fires one lifecycle event inside the caller's transaction: decide with the table, write the new state as a
 * compare-and-set on (status, version), append the audit record. `ctx.actor === null` is the background run.
 */
export async function applyLossTransition(
  trx: Kysely<DB>,
  ctx: RequestContext,
  row: AssessmentRow,
  t: LossTransition,
  now: Date,
): Promise<LossState> {
  const decision = fire(LOSS_ASSESSMENT_LIFECYCLE, row.status, t.event, {
    isAnalyst: ctx.actor !== null && isAuthorized(ctx.actor, 'loss.assess'),
    isSystem: ctx.actor === null,
    inputsComplete: t.inputsComplete,
  });
  if (!decision.ok) {
    if (decision.code === 'FORBIDDEN') throw appError('FORBIDDEN');
    if (decision.code === 'GUARD_FAILED') {
      const g = LOSS_ASSESSMENT_LIFECYCLE.guards[decision.guard];
      throw appError('GUARD_FAILED', { guard: { zh: g.zh, en: g.en } }, { guard: decision.guard });
    }
    throw appError('CASE_ILLEGAL_EVENT', { state: row.status, event: t.event });
  }
  // Conditional update so two concurrent changes can't both proceed from the same version.
  const updated = await trx
    .updateTable('loss_assessments')
    .set({ ...t.changes, status: decision.to, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw appError('CASE_STATE_CONFLICT');
  await appendAudit(
    trx,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actorRole ?? null,
      action: `loss.assessment.${t.event}`,
      targetType: 'loss_assessment',
      targetId: row.id,
      outcome: 'success',
      details: { from: row.status, to: decision.to, ...t.audit },
    },
    now,
  );
  return decision.to;
}
