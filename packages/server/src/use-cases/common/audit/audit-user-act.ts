import type { Kysely } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import type { SignedInContext } from '../../../deps.ts';

/**
 * A signed-in user's successful change, audited in the change's own transaction: who (and in which role), what, on
 * which target, with details that say what changed (never personal data the target's own row keeps).
 */
export async function auditUserAct(
  trx: Kysely<DB>,
  ctx: SignedInContext,
  at: Date,
  entry: { action: string; targetType: string; targetId: string; details?: Record<string, unknown> },
): Promise<void> {
  await appendAudit(
    trx,
    {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      outcome: 'success',
      ...(entry.details ? { details: entry.details } : {}),
    },
    at,
  );
}
