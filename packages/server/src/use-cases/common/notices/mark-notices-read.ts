import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';

/** Only the owner can mark an item read; someone else's item answers as if it did not exist. */
export async function markNoticeRead(deps: Deps, ctx: SignedInContext, itemId: string): Promise<void> {
  const result = await deps.db
    .updateTable('user_notices')
    .set({ read_at: deps.now() })
    .where('id', '=', itemId)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw appError('NOT_FOUND', { entity: 'notice' });
}
