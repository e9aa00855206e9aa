import { hash } from '@node-rs/argon2';
import { appendAudit } from '../../adapters/audit/audit-log.ts';
import { blindIndex, encryptField } from '../../adapters/crypto/sm4.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import { ALL_ORGANIZATIONS } from './demo-organizations.ts';
import { seedDemoCases } from './seed-demo-cases.ts';
import { seedDemoTraining } from './seed-demo-training.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';

interface SeedDemoOptions {
  /**
   * An argon2 hash of DEMO_PASSWORD given to every demo user, for test runs that seed several databases and
   * hash once. Without it each user gets their own hash with a random salt, as real accounts do: equal hashes
   * would show who shares a password, and a demo database is often the first staging deployment.
   */
  sharedPasswordHash?: string;
}

/** Seeds the demo organizations and users once; a database that already has users (besides the system's own) is left alone. */
export async function seedDemo(deps: Deps, options: SeedDemoOptions = {}): Promise<boolean> {
  const existing = await deps.db
    .selectFrom('users')
    .select('id')
    .where('id', 'not like', 'system:%')
    .limit(1)
    .executeTakeFirst();
  if (existing) return false;
  const users = DEMO_USERS[deps.platform];
  const { sharedPasswordHash } = options;
  const hashes = await Promise.all(users.map(() => sharedPasswordHash ?? hash(DEMO_PASSWORD)));
  const { dataKeys, blindIndexKey } = deps.keys;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values(ALL_ORGANIZATIONS)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const [i, user] of users.entries()) {
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          username: user.username,
          display_name: user.displayName,
          password_hash: hashes[i]!,
          organization_id: user.organizationId,
          investor_kind: user.investorKind ?? null,
          id_number_enc: user.idNumber
            ? encryptField(dataKeys.current, user.idNumber, 'users.id_number')
            : null,
          id_number_index: user.idNumber ? blindIndex(blindIndexKey, user.idNumber) : null,
          phone_enc: user.phone ? encryptField(dataKeys.current, user.phone, 'users.phone') : null,
          email: user.email ?? null,
        })
        .execute();
      await trx
        .insertInto('user_roles')
        .values(user.roles.map((role) => ({ user_id: id, role, granted_by: null })))
        .execute();
    }
    const cases = deps.platform === 'mediation' ? await seedDemoCases(deps, trx) : 0;
    const courses = await seedDemoTraining(deps, trx);
    await appendAudit(trx, {
      action: 'system.seed-demo',
      outcome: 'success',
      details: { organizations: ALL_ORGANIZATIONS.length, users: users.length, cases, courses },
    });
  });
  return true;
}
