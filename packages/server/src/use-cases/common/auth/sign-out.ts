import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { hashToken } from './sign-in.ts';

/** Kills the session server-side: the cookie is worthless afterwards even if it was copied. */
export async function signOut(deps: Deps, ctx: SignedInContext, token: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: deps.now() })
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: 'auth.sign-out',
      targetType: 'user',
      targetId: ctx.actor.userId,
      outcome: 'success',
    });
  });
}
