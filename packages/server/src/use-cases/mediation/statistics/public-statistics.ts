import { todayInShanghai, yearOf } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { Figures } from '@sutiao/domain/statistics/figures.ts';
import { PUBLIC_MIN_CELL, suppressColumn, suppressTotal } from '@sutiao/domain/statistics/suppression.ts';
import type { Deps } from '../../../deps.ts';
import { aggregate } from './get-statistics.ts';

/** The counts a public table shows; amounts and rates are shown only where their base count is not suppressed. */
const PUBLIC_COUNTS = ['registered', 'accepted', 'settled'] as const;
type PublicCount = (typeof PUBLIC_COUNTS)[number];

export interface PublicRow {
  key: string;
  name: string;
  registered: number | null;
  accepted: number | null;
  settled: number | null;
  successRate: number | null;
  amountInDisputeFen: number | null;
  paidFen: number | null;
}

export interface PublicStatistics {
  year: number;
  threshold: number;
  byOrganization: PublicRow[];
  byMonth: PublicRow[];
  total: PublicRow;
}

/**
 * Public statistics of one year (no sign-in), per organization and per month, with small-count suppression: no cell
 * under the threshold is published, nor one that subtraction from a total would reveal; a rate or an amount is
 * published only when the count it rests on is.
 */
export async function publicStatistics(deps: Deps, input: { year: number }): Promise<PublicStatistics> {
  const thisYear = yearOf(todayInShanghai(deps.now()));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `年份须在 2000 至 ${thisYear} 之间`, en: `the year must be 2000 to ${thisYear}` },
    });
  const organizations = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', 'in', ['mediation', 'workstation'])
    .execute();
  const filter = { organizationIds: organizations.map((o) => o.id), today: todayInShanghai(deps.now()) };
  const period = { from: `${input.year}-01-01`, to: `${input.year}-12-31` };
  const [byOrganization = [], byMonth = [], [total] = []] = await aggregate(deps, filter, period, [
    'organization',
    'month',
    undefined,
  ]);
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const totals = (total as { figures: Figures }).figures;
  return {
    year: input.year,
    threshold: PUBLIC_MIN_CELL,
    byOrganization: suppressTable(
      byOrganization.map((g) => ({ key: g.key, name: names.get(g.key) ?? g.key, figures: g.figures })),
    ),
    byMonth: suppressTable(byMonth.map((g) => ({ key: g.key, name: g.key, figures: g.figures }))),
    total: publicRow(
      { key: 'total', name: '合计', figures: totals },
      {
        registered: suppressTotal(totals.registered as number),
        accepted: suppressTotal(totals.accepted as number),
        settled: suppressTotal(totals.settled as number),
      },
    ),
  };
}

type Group = { key: string; name: string; figures: Figures };

function suppressTable(groups: Group[]): PublicRow[] {
  const columns = Object.fromEntries(
    PUBLIC_COUNTS.map((c) => [c, suppressColumn(groups.map((g) => g.figures[c] as number))]),
  ) as Record<PublicCount, (number | null)[]>;
  return groups.map((g, i) =>
    publicRow(g, {
      registered: columns.registered[i] ?? null,
      accepted: columns.accepted[i] ?? null,
      settled: columns.settled[i] ?? null,
    }),
  );
}

/** A row of shown counts, with the rate and amounts that rest on them (the rate on settled + failed). */
function publicRow(g: Group, shown: Record<PublicCount, number | null>): PublicRow {
  const decided = (g.figures.settled as number) + (g.figures.failed as number);
  return {
    key: g.key,
    name: g.name,
    ...shown,
    successRate: shown.settled !== null && decided >= PUBLIC_MIN_CELL ? g.figures.successRate : null,
    amountInDisputeFen: shown.accepted !== null ? g.figures.amountInDisputeFen : null,
    paidFen: shown.settled !== null ? g.figures.paidFen : null,
  };
}
