import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { MediationSessionsTable } from '../../../adapters/db/sessions-schema.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { Actor } from '@sutiao/domain/permissions.ts';
import { loadReadableCase } from '../cases/case-access.ts';
import type { LoadedCase } from '../cases/load-case.ts';

export type SessionRow = Selectable<MediationSessionsTable>;

export const sessionNotFound = () =>
  appError('NOT_FOUND', { entity: { zh: '调解会话', en: 'Mediation session' } });

/** A session of a case the actor may read; anything else is NOT_FOUND, so ids cannot be probed. */
export async function loadReadableSession(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  sessionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ session: SessionRow; case: LoadedCase }> {
  const c = await loadReadableCase(db, actor, caseId);
  let query = db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('case_id', '=', c.id);
  if (options.forUpdate) query = query.forUpdate();
  const session = await query.executeTakeFirst();
  if (!session) throw sessionNotFound();
  return { session, case: c };
}
