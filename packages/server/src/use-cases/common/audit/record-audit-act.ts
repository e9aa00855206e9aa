import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';

/** The audit administrator's own acts on the trail (verify, integrate) are audited like any other. */
export async function recordAuditAct(
  deps: Deps,
  ctx: SignedInContext,
  action: 'audit.verify' | 'audit.integrate',
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(
    deps.db,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action,
      targetType: 'audit_log',
      outcome: 'success',
      details,
    },
    deps.now(),
  );
}
