import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, RequestContext } from '../../../deps.ts';

/** Audits a refused request (no permission, bad CSRF token) in a transaction of its own: nothing else was written. */
export async function recordDenial(
  deps: Deps,
  ctx: RequestContext,
  denial: { route: string; url: string; code: string },
): Promise<void> {
  await appendAudit(deps.db, {
    requestId: ctx.requestId,
    actorUserId: ctx.actor?.userId ?? null,
    actorRole: ctx.actorRole ?? null,
    action: denial.route,
    targetType: 'route',
    targetId: denial.url,
    outcome: 'denied',
    details: { code: denial.code },
  });
}
