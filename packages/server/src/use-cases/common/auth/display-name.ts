import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

/** The name a user is shown by in timelines, messages and signatures (as of now: it is copied where it is used). */
export async function displayNameOf(trx: Kysely<DB>, userId: string): Promise<string> {
  const user = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return user.display_name;
}
