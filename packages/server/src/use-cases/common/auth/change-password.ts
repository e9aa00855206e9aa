import { hash } from '@node-rs/argon2';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { assertPasswordAcceptable } from '@sutiao/domain/password-policy.ts';
import { confirmPassword } from './confirm-password.ts';
import { hashToken } from './session-token.ts';

interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * The signed-in user replaces their password. The current one must be re-entered (a wrong one counts towards the
 * sign-in lockout); every other session of the user dies, so a thief holding an old session is shut out.
 */
export async function changePassword(
  deps: Deps,
  ctx: SignedInContext,
  sessionToken: string,
  input: ChangePasswordInput,
): Promise<void> {
  await confirmPassword(deps, ctx, input.currentPassword, 'change-password');
  const user = await deps.db
    .selectFrom('users')
    .select('username')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  assertPasswordAcceptable(input.newPassword, user.username);
  const passwordHash = await hash(input.newPassword);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', ctx.actor.userId)
      .execute();
    const revoked = await trx
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', ctx.actor.userId)
      .where('token_hash', '!=', hashToken(sessionToken))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'auth.password-changed',
        targetType: 'user',
        targetId: ctx.actor.userId,
        outcome: 'success',
        details: { otherSessionsRevoked: Number(revoked.numUpdatedRows) },
      },
      now,
    );
  });
}
