import { verify } from '@node-rs/argon2';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { lockedError } from './lockout-error.ts';
import { LOCKOUT_MINUTES, MAX_CONSECUTIVE_FAILURES } from './session-policy.ts';
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
  if (user.locked_until && new Date(user.locked_until) > now)
    throw lockedError(new Date(user.locked_until), now);
  if (password.length === 0) throw appError('PASSWORD_REQUIRED');
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (ok) return;
  const lockedUntil = await registerFailure(
    deps,
    ctx.requestId,
    user.username,
    ctx.actor.userId,
    now,
    `auth.confirm-password:${purpose}`,
  );
  if (lockedUntil) throw lockedError(lockedUntil, now);
  // Says that the password was wrong (not merely "re-enter it"), and what repeating it leads to.
  throw appError('PASSWORD_INCORRECT', { max: MAX_CONSECUTIVE_FAILURES, minutes: LOCKOUT_MINUTES });
}
