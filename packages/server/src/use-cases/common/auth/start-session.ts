import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { randomToken } from '../../../lib/ids.ts';
import type { ActorProfile } from './load-actor.ts';
import { hashToken } from './session-token.ts';
import { ABSOLUTE_SESSION_HOURS, idleTimeoutSeconds } from './session-policy.ts';

interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a server-side session for `profile` inside the caller's transaction; the token goes to the cookie. */
export async function startSession(
  trx: Kysely<DB>,
  profile: ActorProfile,
  now: Date,
): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3600_000);
  await trx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: profile.actor.userId,
      csrf_token: csrfToken,
      idle_timeout_seconds: idleTimeoutSeconds(profile.actor.roles),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}
