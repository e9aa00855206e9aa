import type { Kysely, Updateable } from 'kysely';
import type { LossAssessmentsTable } from '../../../adapters/db/loss-schema.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { RequestContext } from '../../../deps.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import {
  LOSS_ASSESSMENT_LIFECYCLE,
  type LossContext,
  type LossEvent,
  type LossGuard,
  type LossParty,
  type LossState,
} from '@sutiao/domain/lifecycles/loss-assessment.ts';
import type { KernelRequest, LifecycleBinding } from '../../common/transitions/lifecycle-binding.ts';
import { runTransition } from '../../common/transitions/transition-kernel.ts';
import { type AssessmentRow, loadAssessment } from './loss-access.ts';

type LossChanges = Omit<Updateable<LossAssessmentsTable>, 'id' | 'status' | 'version'>;

/** Lifecycle E's types for the transition kernel; `ctx.actor === null` is the background run. */
interface LossTypes {
  state: LossState;
  event: LossEvent;
  guard: LossGuard;
  party: LossParty;
  context: LossContext;
  ctx: RequestContext;
  row: AssessmentRow;
  changes: LossChanges;
  input: never;
  facts: undefined;
  entry: never;
}

interface LossKernelRequest extends KernelRequest<LossTypes> {
  /** Whether the inputs are complete after this change (decides draft vs data_ready). */
  inputsComplete: boolean;
}

/**
 * Lifecycle E (loss assessment) on `loss_assessments`. No timeline table and no notices: its audit records are
 * its history, and the analyst watches the workbench. The use cases check `loss.assess` before locking.
 */
const LOSS_BINDING: LifecycleBinding<LossTypes, LossKernelRequest> = {
  lifecycle: LOSS_ASSESSMENT_LIFECYCLE,
  table: 'loss_assessments',
  lock: (trx, _ctx, id) => loadAssessment(trx, id, { forUpdate: true }),
  facts: async () => undefined,
  context: (ctx, _row, _facts, request) => ({
    isAnalyst: ctx.actor !== null && isAuthorized(ctx.actor, 'loss.assess'),
    isSystem: ctx.actor === null,
    inputsComplete: request.inputsComplete,
  }),
  audit: { targetType: 'loss_assessment', action: (event) => `loss.assessment.${event}` },
};

export interface LossTransition {
  event: LossEvent;
  /** Whether the inputs are complete after this change (decides draft vs data_ready). */
  inputsComplete: boolean;
  /** The version the client read, when it sent one; else the locked row's. */
  expectedVersion?: number;
  changes?: LossChanges;
  audit?: Record<string, unknown>;
}

/**
 * Fires one lifecycle event on an assessment the caller has locked (`loadAssessment(…, { forUpdate: true })`),
 * inside its transaction, through the transition kernel: state as a compare-and-set on (status, version), and
 * the audit record. Answers the new state.
 */
export async function applyLossTransition(
  trx: Kysely<DB>,
  ctx: RequestContext,
  row: AssessmentRow,
  t: LossTransition,
  now: Date,
): Promise<LossState> {
  const result = await runTransition({ now: () => now }, ctx, trx, LOSS_BINDING, {
    id: row.id,
    event: t.event,
    locked: row,
    inputsComplete: t.inputsComplete,
    expectedVersion: t.expectedVersion,
    changes: () => t.changes ?? {},
    payload: t.audit,
  });
  return result.to;
}
