import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { newId } from '../../../lib/ids.ts';

export interface UserNotice {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  caseId?: string | null;
}

/** Puts items in people's in-app notices, inside the caller's transaction (no notice for a change that rolled back). */
export async function notifyUsers(trx: Kysely<DB>, messages: readonly UserNotice[]): Promise<void> {
  if (messages.length === 0) return;
  await trx
    .insertInto('user_notices')
    .values(
      messages.map((m) => ({
        id: newId(),
        user_id: m.userId,
        kind: m.kind,
        title: m.title,
        body: m.body ?? '',
        case_id: m.caseId ?? null,
      })),
    )
    .execute();
}
