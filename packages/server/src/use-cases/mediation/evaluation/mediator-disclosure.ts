import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { PUBLIC_MIN_CELL, suppressTotal } from '@sutiao/domain/statistics/suppression.ts';
import type { Deps } from '../../../deps.ts';
import { listMediators } from '../cases/list-mediators.ts';
import { aggregate } from '../statistics/get-statistics.ts';

export interface MediatorDisclosure {
  year: number;
  threshold: number;
  items: {
    id: string;
    displayName: string;
    organizationName: string;
    workstation: string | null;
    specialties: string[];
    /** Mediations ended in the year (settled or not), null under the threshold. */
    mediated: number | null;
    /** Of them settled; null when it or the unsettled remainder is under the threshold (else one would reveal the other). */
    settled: number | null;
  }[];
}

/**
 * Public disclosure per mediator on the roster (no sign-in), as FINRA publishes its neutrals' records: mediations
 * ended in a year and how many settled, each withheld below the public threshold of 10.
 */
export async function mediatorDisclosure(deps: Deps, input: { year: number }): Promise<MediatorDisclosure> {
  const today = todayInShanghai(deps.now());
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `年份须在 2000 至 ${thisYear} 之间`, en: `the year must be 2000 to ${thisYear}` },
    });
  const organizations = await deps.db
    .selectFrom('organizations')
    .select('id')
    .where('kind', 'in', ['mediation', 'workstation'])
    .execute();
  const [roster, [groups = []]] = await Promise.all([
    listMediators(deps, {}),
    aggregate(
      deps,
      { organizationIds: organizations.map((o) => o.id), today },
      { from: `${input.year}-01-01`, to: `${input.year}-12-31` },
      ['mediator'],
    ),
  ]);
  const figures = new Map(groups.map((g) => [g.key, g.figures]));
  return {
    year: input.year,
    threshold: PUBLIC_MIN_CELL,
    items: roster.items.map((m) => {
      const f = figures.get(m.id);
      const settled = (f?.settled as number | null | undefined) ?? 0;
      const failed = (f?.failed as number | null | undefined) ?? 0;
      const mediated = suppressTotal(settled + failed);
      return {
        ...m,
        mediated,
        settled:
          mediated !== null && settled >= PUBLIC_MIN_CELL && failed >= PUBLIC_MIN_CELL ? settled : null,
      };
    }),
  };
}
