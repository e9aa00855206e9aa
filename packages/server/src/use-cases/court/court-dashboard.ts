import { sql } from 'kysely';
import type { Deps, SignedInContext } from '../../deps.ts';
import { addCalendarDays, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { requirePermission } from '../common/require-permission.ts';
import { actorCourt } from './court-case-access.ts';
import { DUE_SOON_DAYS } from './list-court-cases.ts';
import type { CourtCaseKind } from './court-lifecycles.ts';

export interface CourtDashboard {
  court: { id: string; name: string; code: string };
  today: string;
  dueSoonDays: number;
  byState: { kind: CourtCaseKind; status: string; count: number }[];
  byOrganization: { organizationId: string; organizationName: string; open: number; total: number }[];
  dueSoon: number;
  overdue: number;
}

/**
 * The court's workbench figures: cases by lifecycle and state, referred cases by organization (open and in all),
 * deadlines coming due within three days and already past. The lists behind each figure are GET /api/court/cases.
 */
export async function courtDashboard(deps: Deps, ctx: SignedInContext): Promise<CourtDashboard> {
  requirePermission(ctx, 'court.workbench');
  const court = await actorCourt(deps.db, ctx.actor);
  const today = todayInShanghai(deps.now());
  const base = deps.db.selectFrom('court_cases').where('court_id', '=', court.id);
  const [byState, byOrganization, deadlines] = await Promise.all([
    base
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['kind', 'status'])
      .orderBy('kind')
      .orderBy('status')
      .execute(),
    base
      .where('organization_id', 'is not', null)
      .select([
        'organization_id',
        (eb) => eb.fn.max('organization_name').as('name'),
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`count(*) filter (where closed_at is null)`.as('open'),
      ])
      .groupBy('organization_id')
      .orderBy('organization_id')
      .execute(),
    base
      .select([
        sql<number>`count(*) filter (where next_deadline_date < ${today})`.as('overdue'),
        sql<number>`count(*) filter (where next_deadline_date >= ${today} and next_deadline_date <= ${addCalendarDays(today, DUE_SOON_DAYS)})`.as(
          'due_soon',
        ),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    court,
    today,
    dueSoonDays: DUE_SOON_DAYS,
    byState: byState.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.n) })),
    byOrganization: byOrganization.map((r) => ({
      organizationId: r.organization_id ?? '',
      organizationName: r.name ?? '',
      open: Number(r.open),
      total: Number(r.n),
    })),
    dueSoon: Number(deadlines.due_soon),
    overdue: Number(deadlines.overdue),
  };
}
