import type { Kysely } from 'kysely';
import type { DB } from '../../src/adapters/db/schema.ts';
import type { SignedInContext } from '../../src/deps.ts';
import type { AppError } from '@sutiao/domain/errors.ts';
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

/** The error a refused transition threw, or undefined when it went through. */
export const refusalOf = (promise: Promise<unknown>): Promise<AppError | undefined> =>
  promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );

/** The audit records about one row, oldest first. */
export const auditRecordsOf = (db: Kysely<DB>, targetId: string) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'details'])
    .where('target_id', '=', targetId)
    .orderBy('seq')
    .execute();

/** What a GUARD_FAILED refusal looks like: the guard named by code, and its label in both languages. */
export const guardFailure = (guard: string, zh: string, en: string) => ({
  code: 'GUARD_FAILED',
  messageZh: `不满足操作条件：${zh}`,
  messageEn: `Precondition not met: ${en}`,
  details: { guard },
});
