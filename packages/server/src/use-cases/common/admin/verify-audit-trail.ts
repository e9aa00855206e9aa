import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { type AuditVerdict, verifyAuditLog } from '../../../adapters/audit/verify-audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';

/**
 * The audit administrator checks the whole trail (records, Merkle log, every signed head against this platform's
 * key, consistency between heads, records not yet integrated); the check itself is audited too.
 */
export async function verifyAuditTrail(deps: Deps, ctx: SignedInContext): Promise<AuditVerdict> {
  requirePermission(ctx, 'audit.verify');
  const verdict = await verifyAuditLog(deps.db, { publicKeyPem: deps.keys.signer.publicKeyPem });
  const { latestHead: _head, ...summary } = verdict.ok ? verdict : { ...verdict, latestHead: null };
  await appendAudit(
    deps.db,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: 'audit.verify',
      targetType: 'audit_log',
      outcome: 'success',
      details: {
        ...summary,
        ...(verdict.ok && verdict.latestHead ? { treeSize: verdict.latestHead.treeSize } : {}),
      },
    },
    deps.now(),
  );
  return verdict;
}
