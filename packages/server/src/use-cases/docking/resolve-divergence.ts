import { appendAudit } from '../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { requirePermission } from '../common/require-permission.ts';

/** An administrator closes a divergence with a written resolution (what was done on which side). */
export async function resolveDivergence(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string; resolution: string },
): Promise<void> {
  requirePermission(ctx, 'docking.monitor');
  const resolution = input.resolution.trim();
  if (!resolution)
    throw appError('VALIDATION_FAILED', { reason: { zh: '请填写处理说明', en: 'say how it was resolved' } });
  if (!/^\d{1,18}$/.test(input.id))
    throw appError('NOT_FOUND', { entity: { zh: '对账差异', en: 'Divergence' } });
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('docking_divergences')
      .set({ resolved_at: deps.now(), resolution })
      .where('id', '=', input.id)
      .where('resolved_at', 'is', null)
      .returning(['peer_id', 'case_ref'])
      .executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', { entity: { zh: '对账差异', en: 'Divergence' } });
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'docking.divergence.resolve',
        targetType: 'docking_divergence',
        targetId: input.id,
        outcome: 'success',
        details: { peer: row.peer_id, caseRef: row.case_ref, resolution },
      },
      deps.now(),
    );
  });
}
