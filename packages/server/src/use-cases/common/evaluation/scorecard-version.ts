import type { Kysely } from 'kysely';
import { appError } from '@sutiao/domain/errors.ts';
import type { ScorecardLevel } from '@sutiao/domain/evaluation/indicators.ts';
import type { Weights } from '@sutiao/domain/evaluation/weights.ts';
import type { DB } from '../../../adapters/db/schema.ts';

export interface ScorecardVersion {
  level: ScorecardLevel;
  version: number;
  effectiveYear: number;
  weights: Weights;
  note: string;
  createdAt: string;
}

const present = (r: {
  level: ScorecardLevel;
  version: number;
  effective_year: number;
  weights: Record<string, number>;
  note: string;
  created_at: Date;
}): ScorecardVersion => ({
  level: r.level,
  version: r.version,
  effectiveYear: r.effective_year,
  weights: r.weights as Weights,
  note: r.note,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Every version of a level's weights, newest first. */
export async function scorecardVersions(db: Kysely<DB>, level: ScorecardLevel): Promise<ScorecardVersion[]> {
  const rows = await db
    .selectFrom('scorecard_versions')
    .selectAll()
    .where('level', '=', level)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(present);
}

/** The weights a year's scorecard uses: the newest version that had taken effect by that year. */
export async function versionForYear(
  db: Kysely<DB>,
  level: ScorecardLevel,
  year: number,
): Promise<ScorecardVersion> {
  const row = await db
    .selectFrom('scorecard_versions')
    .selectAll()
    .where('level', '=', level)
    .where('effective_year', '<=', year)
    .orderBy('effective_year', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row)
    throw appError('NOT_FOUND', { entity: { zh: `${year} 年度评估方案`, en: `Scorecard for ${year}` } });
  return present(row);
}
