import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';

/** Courts that may entrust an assessment (the court organizations the docking link knows), by name. */
export async function listEntrustingCourts(
  deps: Deps,
  ctx: SignedInContext,
): Promise<{ items: { id: string; name: string; code: string | null }[] }> {
  requirePermission(ctx, 'loss.assess');
  const items = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name', 'code'])
    .where('kind', '=', 'court')
    .orderBy('name')
    .execute();
  return { items };
}
