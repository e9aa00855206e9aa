import type { Kysely } from 'kysely';
import type { DB } from '../../src/adapters/db/schema.ts';
import type { SignedInContext } from '../../src/deps.ts';
import { loadActor } from '../../src/use-cases/common/auth/load-actor.ts';

/** A seeded mediation-platform user's context, as a signed-in request carries it (first role for the audit). */
export async function signedInAs(db: Kysely<DB>, username: string): Promise<SignedInContext> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const profile = await loadActor(db, user.id, 'mediation');
  if (!profile) throw new Error(`no actor for ${username}`);
  return { actor: profile.actor, requestId: `test-${username}`, actorRole: profile.actor.roles[0] ?? null };
}
