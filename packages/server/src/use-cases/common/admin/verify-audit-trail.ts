import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { type ChainVerdict, verifyAuditChain } from '../../../adapters/audit/verify-audit-chain.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';

/** The audit administrator re-computes the whole chain; the check itself is audited too. */
export async function verifyAuditTrail(deps: Deps, ctx: SignedInContext): Promise<ChainVerdict> {
  requirePermission(ctx, 'audit.verify');
  const verdict = await verifyAuditChain(deps.db);
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'audit.verify',
        targetType: 'audit_log',
        outcome: 'success',
        details: { ...verdict },
      },
      deps.now(),
    ),
  );
  return verdict;
}
