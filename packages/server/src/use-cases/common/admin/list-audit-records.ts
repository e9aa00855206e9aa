import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../require-permission.ts';

export interface AuditQuery {
  action?: string;
  actorUserId?: string;
  targetId?: string;
  beforeSeq?: number;
  limit?: number;
}

/**
 * Newest first, filtered, each with its place in the Merkle log (null until integrated); reading the trail is itself
 * a privileged act reserved to the audit administrator.
 */
export async function listAuditRecords(deps: Deps, ctx: SignedInContext, query: AuditQuery) {
  requirePermission(ctx, 'audit.read');
  let q = deps.db
    .selectFrom('audit_log as a')
    .leftJoin('audit_log_leaves as l', 'l.seq', 'a.seq')
    .selectAll('a')
    .select('l.log_index')
    .orderBy('a.seq', 'desc')
    .limit(query.limit ?? 100);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.actorUserId) q = q.where('a.actor_user_id', '=', query.actorUserId);
  if (query.targetId) q = q.where('a.target_id', '=', query.targetId);
  if (query.beforeSeq) q = q.where('a.seq', '<', query.beforeSeq);
  const rows = await q.execute();
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      requestId: r.request_id,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      details: r.details as Record<string, unknown>,
      hash: r.hash,
      logIndex: r.log_index,
    })),
  };
}
