import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type AuditVerdict, verifyAuditLog } from './verify-audit-log.ts';

/** @deprecated The chain became a Merkle log (issue 6): use verifyAuditLog. Kept until its last callers move. */
export type ChainVerdict = AuditVerdict;

/** @deprecated Use verifyAuditLog(db, trustedKey). */
export function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerdict> {
  return verifyAuditLog(db);
}
