import type { Kysely, Selectable } from 'kysely';
import type { CourtCasesTable } from '../../adapters/db/court-schema.ts';
import type { DB } from '../../adapters/db/schema.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isAuthorized, type Actor } from '@sutiao/domain/permissions.ts';

export type CourtCaseRow = Selectable<CourtCasesTable>;

const NOT_FOUND = () => appError('NOT_FOUND', { entity: { zh: '法院案件', en: 'Court case' } });

/**
 * The court read policy: staff of the case's court with court.case.read see it; anyone else gets NOT_FOUND, so ids
 * of other courts' cases reveal nothing. The system (actor null: the link's inbox, a job) sees every case.
 */
export function mayReadCourtCase(actor: Actor | null, row: Pick<CourtCaseRow, 'court_id'>): boolean {
  if (actor === null) return true;
  return isAuthorized(actor, 'court.case.read') && actor.organizationId === row.court_id;
}

export async function loadCourtCase(
  db: Kysely<DB>,
  actor: Actor | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CourtCaseRow> {
  let query = db.selectFrom('court_cases').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || !mayReadCourtCase(actor, row)) throw NOT_FOUND();
  return row;
}

/** The court the actor works at; FORBIDDEN for someone attached to no court. */
export async function actorCourt(
  db: Kysely<DB>,
  actor: Actor,
): Promise<{ id: string; name: string; code: string }> {
  const court = actor.organizationId
    ? await db
        .selectFrom('organizations')
        .select(['id', 'name', 'code'])
        .where('id', '=', actor.organizationId)
        .where('kind', '=', 'court')
        .executeTakeFirst()
    : undefined;
  if (!court?.code) throw appError('FORBIDDEN');
  return { id: court.id, name: court.name, code: court.code };
}

/** The active users of a court who hold a role (to tell them of what arrived over the link). */
export async function courtStaff(
  db: Kysely<DB>,
  courtId: string,
  role: 'filing_officer' | 'judge',
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.organization_id', '=', courtId)
    .where('user_roles.role', '=', role)
    .where('users.disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}
