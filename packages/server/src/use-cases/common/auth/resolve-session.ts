import type { Deps } from '../../../deps.ts';
import { type ActorProfile, profileFromRow, rolesOfUser } from './load-actor.ts';
import { hashToken } from './sign-in.ts';

type SessionLookup =
  | { status: 'valid'; profile: ActorProfile; csrfToken: string }
  | { status: 'expired' }
  | { status: 'none' };

// Touching last_seen_at on every request would write on every read; a minute's granularity is enough
// for a 15-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

/** Finds the session behind a cookie token, enforcing the idle and absolute timeouts; one query per request. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  const session = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select((eb) => [
      'sessions.token_hash',
      'sessions.csrf_token',
      'sessions.idle_timeout_seconds',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.organization_id',
      'users.disabled',
      'organizations.name as organization_name',
      rolesOfUser(eb).as('roles'),
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session || session.revoked_at) return { status: 'none' };
  const now = deps.now().getTime();
  const lastSeen = new Date(session.last_seen_at).getTime();
  if (now > new Date(session.expires_at).getTime() || now - lastSeen > session.idle_timeout_seconds * 1000) {
    return { status: 'expired' };
  }
  if (session.disabled) return { status: 'none' };
  const profile = profileFromRow(session, deps.platform);
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('token_hash', '=', session.token_hash)
      .execute();
  }
  return { status: 'valid', profile, csrfToken: session.csrf_token };
}
