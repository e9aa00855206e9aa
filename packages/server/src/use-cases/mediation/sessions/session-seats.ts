import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { PartySide, SeatRole } from '@sutiao/domain/sessions/session-rooms.ts';
import type { LoadedCase } from '../cases/load-case.ts';

export interface SeatRow {
  userId: string;
  name: string;
  role: SeatRole;
  side: PartySide | null;
}

/**
 * Who may sit in a session on this case: its mediator, the investor and their agent, and the respondent firm's
 * people (users of the firm holding the respondent role). A session's participants are chosen from these.
 */
export async function eligibleSeats(db: Kysely<DB>, c: LoadedCase): Promise<SeatRow[]> {
  const firmPeople = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id'])
    .where('users.organization_id', '=', c.respondent_org_id)
    .where('user_roles.role', '=', 'respondent')
    .where('users.disabled', '=', false)
    .orderBy('users.id')
    .execute();
  const wanted: Omit<SeatRow, 'name'>[] = [
    ...(c.mediator_user_id ? [{ userId: c.mediator_user_id, role: 'mediator' as const, side: null }] : []),
    ...(c.applicant_user_id
      ? [{ userId: c.applicant_user_id, role: 'party' as const, side: 'investor' as const }]
      : []),
    ...(c.agent_user_id
      ? [{ userId: c.agent_user_id, role: 'agent' as const, side: 'investor' as const }]
      : []),
    ...firmPeople.map((u) => ({ userId: u.id, role: 'party' as const, side: 'respondent' as const })),
  ];
  const names = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where(
          'id',
          'in',
          wanted.map((w) => w.userId),
        )
        .execute()
    ).map((u) => [u.id, u.display_name] as const),
  );
  return wanted.map((w) => ({ ...w, name: names.get(w.userId) ?? '' }));
}

/** A session's seats as recorded, with names, in a stable order (mediator first). */
export async function loadSeats(db: Kysely<DB>, sessionId: string): Promise<SeatRow[]> {
  const rows = await db
    .selectFrom('mediation_session_participants as p')
    .innerJoin('users', 'users.id', 'p.user_id')
    .select(['p.user_id', 'p.role', 'p.side', 'users.display_name'])
    .where('p.session_id', '=', sessionId)
    .execute();
  const order = { mediator: 0, party: 1, agent: 2, observer: 3 } as const;
  return rows
    .map((r) => ({ userId: r.user_id, name: r.display_name, role: r.role, side: r.side }))
    .sort((a, b) => order[a.role] - order[b.role] || (a.side ?? '').localeCompare(b.side ?? ''));
}
