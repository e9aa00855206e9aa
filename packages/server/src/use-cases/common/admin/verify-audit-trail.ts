import { trustedKeyOf } from '../../../adapters/signing/trusted-key.ts';
import { type AuditVerdict, verifyAuditLog } from '../../../adapters/audit/verify-audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { recordAuditAct } from '../audit/record-audit-act.ts';
import { requirePermission } from '../require-permission.ts';

/**
 * The audit administrator checks the whole trail (records, Merkle log, every signed head against this platform's
 * key, consistency between heads, records not yet integrated); the check itself is audited too.
 */
export async function verifyAuditTrail(deps: Deps, ctx: SignedInContext): Promise<AuditVerdict> {
  requirePermission(ctx, 'audit.verify');
  const verdict = await verifyAuditLog(deps.db, trustedKeyOf(deps.keys.signer));
  // The record keeps what was found, not the head's key and signature (undefined is dropped from the JSON).
  const details = verdict.ok
    ? { ...verdict, latestHead: undefined, treeSize: verdict.latestHead?.treeSize ?? 0 }
    : verdict;
  await recordAuditAct(deps, ctx, 'audit.verify', details);
  return verdict;
}
