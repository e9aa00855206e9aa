import type { Deps } from '../../deps.ts';
import { type ActorProfile, loadActor } from './load-actor.ts';
import { hashToken } from './sign-in.ts';

export type SessionLookup =
  | { status: 'valid'; profile: ActorProfile; csrfToken: string }
  | { status: 'expired' }
  | { status: 'none' };

// Touching last_seen_at on every request would write on every read; a minute's granularity is enough
// for a 15-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

/** Finds the session behind a cookie token, enforcing the idle and absolute timeouts. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  const session = await deps.db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session || session.revoked_at) return { status: 'none' };
  const now = deps.now().getTime();
  const lastSeen = new Date(session.last_seen_at).getTime();
  if (now > new Date(session.expires_at).getTime() || now - lastSeen > session.idle_timeout_seconds * 1000) {
    return { status: 'expired' };
  }
  const profile = await loadActor(deps.db, session.user_id, deps.platform);
  if (!profile) return { status: 'none' };
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('token_hash', '=', session.token_hash)
      .execute();
  }
  return { status: 'valid', profile, csrfToken: session.csrf_token };
}
