import type { Kysely } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { fire } from '@sutiao/domain/lifecycles/state-machine.ts';
import { notifyUsers } from '../notices/notify-user.ts';
import { compareAndSet } from './compare-and-set.ts';
import type {
  BindingTypes,
  KernelRequest,
  LifecycleBinding,
  TransitionNotices,
  TransitionResult,
  Transitioned,
} from './lifecycle-binding.ts';
import { type DockingOutbox, enqueueOutgoing } from './outgoing-messages.ts';
import { refusalError } from './refusal-error.ts';
import { runningDeadline } from './running-deadline.ts';

/** What the kernel needs of the platform: its clock, and the link's outbox. */
export type KernelEnv = Pick<Deps, 'now'> & { outbox?: DockingOutbox };

const NO_NOTICES: TransitionNotices = { messages: [], emails: [] };

/**
 * The one transition kernel: fires one event of one lifecycle inside the caller's transaction, so either all of
 * it exists or none of it does —
 *   lock the row (`binding.lock`, or the request's `locked` row) → permission (`mayAttempt`) → version →
 *   decide with the lifecycle table (`fire`: CASE_ILLEGAL_EVENT, FORBIDDEN, GUARD_FAILED naming the guard in zh/en)
 *   → compare-and-set update on (status, version) with the request's changes and the running deadline
 *   (CASE_STATE_CONFLICT when it misses) → the request's `afterUpdate` → timeline entry → user notices →
 *   outgoing docking messages (to the outbox) → audit record, written last so it can name everything before it.
 * E-mails are returned for `sendAfterCommit`: a mail sent for a change that rolled back could not be taken back.
 *
 * Binding a lifecycle (B court delegation, C entrustment and D judicial confirmation bind the same way):
 *  1. the domain table in `@sutiao/domain/lifecycles/` (states, events, parties, guards, deadline rules);
 *  2. a table with `id`, `status`, `version`, `updated_at` (and `next_deadline_kind`/`_date` if it has deadlines);
 *  3. one binding file beside its use cases: a `BindingTypes` naming its types, and a `LifecycleBinding` giving
 *     `lock` (load FOR UPDATE with the read policy), `facts` + `context` (what guards read), `audit` (target type,
 *     action names), and, as it needs them, `mayAttempt`, `labels`, `deadlines`, `columnsOnEntry`, `timeline`,
 *     `notices`, `outgoing` (e.g. `case.receipt` to the court when an organization signs for a delegation);
 *  4. its use cases call a thin wrapper that runs `runTransition` in their transaction
 *     (see `mediation/cases/case-transition.ts` for lifecycle A, `mediation/loss/loss-transition.ts` for E).
 */
export async function runTransition<T extends BindingTypes, R extends KernelRequest<T>>(
  env: KernelEnv,
  ctx: T['ctx'],
  trx: Kysely<DB>,
  binding: LifecycleBinding<T, R>,
  request: R,
): Promise<TransitionResult<T>> {
  const before = request.locked ?? (await binding.lock(trx, ctx, request.id));
  if (binding.mayAttempt && !binding.mayAttempt(ctx, request.event)) throw appError('FORBIDDEN');
  if (request.expectedVersion !== undefined && before.version !== request.expectedVersion) {
    throw appError('CASE_STATE_CONFLICT');
  }
  const from = before.status as T['state'];
  const facts = await binding.facts(trx, before, request);
  const decision = fire(binding.lifecycle, from, request.event, binding.context(ctx, before, facts, request));
  if (!decision.ok) throw refusalError(binding, decision, from, request.event);

  const at = env.now();
  const deadline = runningDeadline(binding, decision, before, at);
  const changes = request.changes ? await request.changes(trx, before, decision.to) : {};
  const updated = await compareAndSet(trx, binding.table, before, {
    ...changes,
    ...(deadline && binding.deadlines?.columns(deadline)),
    ...binding.columnsOnEntry?.(decision.to, at),
    status: decision.to,
    version: before.version + 1,
    updated_at: at,
  });
  if (!updated) throw appError('CASE_STATE_CONFLICT');
  if (request.afterUpdate) await request.afterUpdate(trx, before, decision.to);

  const merged = { ...before, ...updated } as T['row'];
  const after = binding.refresh ? await binding.refresh(trx, merged, before) : merged;
  const t: Transitioned<T, R> = {
    ctx,
    request,
    event: request.event,
    from,
    to: decision.to,
    before,
    after,
    at,
    deadline,
    facts,
    factsAfter: facts,
  };
  if (binding.factsAfter) t.factsAfter = await binding.factsAfter(trx, t);
  const entry = binding.timeline ? await binding.timeline(trx, t) : undefined;
  const notices = binding.notices ? await binding.notices(trx, t) : NO_NOTICES;
  const outgoing = binding.outgoing ? await binding.outgoing(trx, t) : [];
  await enqueueOutgoing(env.outbox, trx, binding.lifecycle.name, outgoing);
  const details: Record<string, unknown> = {
    from,
    to: decision.to,
    ...(deadline?.date ? { deadline } : {}),
    ...(outgoing.length > 0 ? { outgoing: outgoing.map((m) => m.type) } : {}),
    ...binding.audit.details?.(t),
    ...request.payload,
  };
  if (binding.writeNotices) await binding.writeNotices(trx, t, notices, details);
  else await notifyUsers(trx, notices.messages);
  await appendAudit(
    trx,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actorRole ?? null,
      action: binding.audit.action(request.event),
      targetType: binding.audit.targetType,
      targetId: before.id,
      outcome: 'success',
      details,
    },
    at,
  );
  return { before, after, to: decision.to, facts: t.factsAfter, entry, emails: notices.emails, outgoing };
}
