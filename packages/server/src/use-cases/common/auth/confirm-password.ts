import { verify } from '@node-rs/argon2';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { registerFailure } from './sign-in.ts';

/**
 * Re-entry of the password to confirm intent for a legal act (signing, sealing). A wrong password counts towards
 * the same lockout as sign-in, so a stolen session can't be used to guess it; a locked account can't confirm.
 */
export async function confirmPassword(
  deps: Deps,
  ctx: SignedInContext,
  password: string,
  purpose: string,
): Promise<void> {
  const user = await deps.db
    .selectFrom('users')
    .leftJoin('login_failures', 'login_failures.username', 'users.username')
    .select(['users.username', 'users.password_hash', 'login_failures.locked_until'])
    .where('users.id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const now = deps.now();
  if (user.locked_until && new Date(user.locked_until) > now) throw appError('AUTH_LOCKED');
  const ok = password.length > 0 && (await verify(user.password_hash, password).catch(() => false));
  if (ok) return;
  await registerFailure(
    deps,
    ctx.requestId,
    user.username,
    ctx.actor.userId,
    now,
    `auth.confirm-password:${purpose}`,
  );
  throw appError('PASSWORD_REQUIRED');
}
