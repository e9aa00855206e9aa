import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import type { Deps } from '../../src/deps.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';

/**
 * What the audit administrator would see after the next integration: every record so far put into the signed
 * Merkle log, then the whole trail verified against the platform's own public key.
 */
export async function auditVerdictAfterIntegration(deps: Pick<Deps, 'db' | 'engine' | 'keys' | 'now'>) {
  await integrateAuditLog(deps);
  return verifyAuditLog(deps.db, deps.keys.signer);
}
