import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';
import { type IntegrationResult, integrateAuditLog } from './integrate-audit-log.ts';
import { recordAuditAct } from './record-audit-act.ts';

/** The audit administrator integrates committed records now instead of waiting for the job; audited. */
export async function integrateAuditNow(deps: Deps, ctx: SignedInContext): Promise<IntegrationResult> {
  requirePermission(ctx, 'audit.verify');
  const result = await integrateAuditLog(deps);
  await recordAuditAct(deps, ctx, 'audit.integrate', { ...result });
  return result;
}
