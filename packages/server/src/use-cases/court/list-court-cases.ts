import type { Deps, SignedInContext } from '../../deps.ts';
import { addCalendarDays, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { maskName } from '@sutiao/domain/masking.ts';
import { requirePermission } from '../common/require-permission.ts';
import { actorCourt } from './court-case-access.ts';
import { type CourtCaseSummary, presentSummary } from './present-court-case.ts';
import type { CourtCaseKind } from './court-lifecycles.ts';

export interface ListCourtCasesInput {
  kind?: CourtCaseKind;
  status?: string;
  organizationId?: string;
  /** due-soon: a deadline within DUE_SOON_DAYS; overdue: a deadline already past. */
  deadline?: 'due-soon' | 'overdue';
  /** A case number (pre-filing or filing), or part of one. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A deadline within this many calendar days counts as coming due. */
export const DUE_SOON_DAYS = 3;

/** The court's cases, newest change first, filtered and paged; party names of people masked. */
export async function listCourtCases(
  deps: Deps,
  ctx: SignedInContext,
  input: ListCourtCasesInput,
): Promise<{ items: CourtCaseSummary[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'court.case.read');
  const court = await actorCourt(deps.db, ctx.actor);
  const today = todayInShanghai(deps.now());
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  let query = deps.db.selectFrom('court_cases').where('court_id', '=', court.id);
  if (input.kind) query = query.where('kind', '=', input.kind);
  if (input.status) query = query.where('status', '=', input.status);
  if (input.organizationId) query = query.where('organization_id', '=', input.organizationId);
  if (input.deadline === 'overdue') query = query.where('next_deadline_date', '<', today);
  if (input.deadline === 'due-soon') {
    query = query
      .where('next_deadline_date', '>=', today)
      .where('next_deadline_date', '<=', addCalendarDays(today, DUE_SOON_DAYS));
  }
  const q = input.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('pre_filing_number', 'like', like), eb('filing_number', 'like', like)]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(input.deadline ? 'next_deadline_date' : 'updated_at', input.deadline ? 'asc' : 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const parties = rows.length
    ? await deps.db
        .selectFrom('court_case_parties')
        .select(['case_id', 'role', 'kind', 'name'])
        .where(
          'case_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return {
    items: rows.map((row) =>
      presentSummary(
        row,
        parties
          .filter((p) => p.case_id === row.id)
          .map((p) => ({ role: p.role, name: p.kind === 'person' ? maskName(p.name) : p.name })),
        today,
      ),
    ),
    total: Number(count.n),
    page,
    pageSize,
  };
}
