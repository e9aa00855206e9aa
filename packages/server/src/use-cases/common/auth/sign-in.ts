import { verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { type ActorProfile, loadActor } from './load-actor.ts';
import { lockedError } from './lockout-error.ts';
import { LOCKOUT_MINUTES, MAX_CONSECUTIVE_FAILURES } from './session-policy.ts';
import { startSession } from './start-session.ts';

interface SignInInput {
  username: string;
  password: string;
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  profile: ActorProfile;
  expiresAt: Date;
}

// Verified against when the username is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$DWmtp45ouvuw2tMY4cfGpw$1NWtErSN8hJfApCtq5AfFIOWGBm1nKKrx2g2QQf7y9w';

export { hashToken } from './session-token.ts';

/** Password sign-in with lockout per username (known or not) and identical answers for unknown user and bad password. */
export async function signIn(deps: Deps, requestId: string, input: SignInInput): Promise<SignInResult> {
  const username = input.username.trim();
  const now = deps.now();
  const failure = await deps.db
    .selectFrom('login_failures')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (failure?.locked_until && new Date(failure.locked_until) > now) {
    await appendAudit(
      deps.db,
      {
        requestId,
        action: 'auth.sign-in',
        targetType: 'username',
        targetId: username,
        outcome: 'denied',
        details: { reason: 'locked' },
      },
      now,
    );
    throw lockedError(new Date(failure.locked_until), now);
  }
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  const passwordOk = await verify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  const profile =
    user && passwordOk && !user.disabled ? await loadActor(deps.db, user.id, deps.platform) : null;
  if (!profile || profile.actor.roles.length === 0) {
    await registerFailure(deps, requestId, username, user?.id ?? null, now);
    throw appError('AUTH_INVALID_CREDENTIALS');
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failures').where('username', '=', username).execute();
    const started = await startSession(trx, profile, now);
    await appendAudit(
      trx,
      {
        requestId,
        actorUserId: profile.actor.userId,
        actorRole: profile.actor.roles[0] ?? null,
        action: 'auth.sign-in',
        targetType: 'user',
        targetId: profile.actor.userId,
        outcome: 'success',
      },
      now,
    );
    return started;
  });
  return { ...session, profile };
}

/**
 * Counts a wrong password towards the lockout and audits it; `action` tells sign-in from a re-entry to confirm.
 * Returns when the account is now locked until, or null.
 */
export async function registerFailure(
  deps: Deps,
  requestId: string,
  username: string,
  userId: string | null,
  now: Date,
  action = 'auth.sign-in',
): Promise<Date | null> {
  return deps.db.transaction().execute(async (trx) => {
    // Row lock so concurrent failures for one username each count.
    await sql`insert into login_failures (username, consecutive, last_failed_at) values (${username}, 0, ${now})
      on conflict (username) do nothing`.execute(trx);
    const row = await trx
      .selectFrom('login_failures')
      .selectAll()
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const lockExpired = row.locked_until !== null && new Date(row.locked_until) <= now;
    const consecutive = (lockExpired ? 0 : row.consecutive) + 1;
    const lockedUntil =
      consecutive >= MAX_CONSECUTIVE_FAILURES ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await trx
      .updateTable('login_failures')
      .set({ consecutive, locked_until: lockedUntil, last_failed_at: now })
      .where('username', '=', username)
      .execute();
    await appendAudit(
      trx,
      {
        requestId,
        actorUserId: userId,
        action,
        targetType: 'username',
        targetId: username,
        outcome: 'failure',
        details: { reason: 'invalid-credentials', consecutive, locked: lockedUntil !== null },
      },
      now,
    );
    return lockedUntil;
  });
}
