import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { type IntegrationResult, integrateAuditLog } from './integrate-audit-log.ts';

/** The audit administrator integrates committed records now instead of waiting for the job; audited. */
export async function integrateAuditNow(deps: Deps, ctx: SignedInContext): Promise<IntegrationResult> {
  requirePermission(ctx, 'audit.verify');
  const result = await integrateAuditLog(deps);
  await appendAudit(
    deps.db,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: 'audit.integrate',
      targetType: 'audit_log',
      outcome: 'success',
      details: { ...result },
    },
    deps.now(),
  );
  return result;
}
