import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import {
  type Indicator,
  INDICATOR_KEYS,
  INDICATORS,
  indicatorScores,
  type Measurements,
  type ScorecardLevel,
} from '@sutiao/domain/evaluation/indicators.ts';
import { rankScores, weightedScore } from '@sutiao/domain/evaluation/weights.ts';
import type { Deps } from '../../../deps.ts';
import type { ScorecardVersion } from './scorecard-version.ts';

export interface UnitMeasurements extends Measurements {
  settled: number;
  failed: number;
  surveyResponses: number;
}

export interface ScorecardRow {
  id: string;
  name: string;
  /** The mediator's organization, a workstation's parent, a court's superior court. */
  organizationName: string | null;
  measurements: UnitMeasurements;
  scores: Record<Indicator, number | null>;
  score: number | null;
  /** The share of the weights that could be measured (100 = every weighted indicator). */
  coverage: number;
  rank: number | null;
}

export interface Scorecards {
  level: ScorecardLevel;
  year: number;
  period: { from: string; to: string };
  version: ScorecardVersion;
  definitions: { indicator: Indicator; zh: string; en: string }[];
  rows: ScorecardRow[];
}

/** A scorecard year: 2000 to this year (Beijing); this year's period runs to today. */
export function scorecardPeriod(deps: Deps, year: number): { from: string; to: string; today: string } {
  const today = todayInShanghai(deps.now());
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > thisYear)
    throw appError('STATS_PERIOD_INVALID', {
      reason: { zh: `年度须在 2000 至 ${thisYear} 之间`, en: `the year must be 2000 to ${thisYear}` },
    });
  return { from: `${year}-01-01`, to: year === thisYear ? today : `${year}-12-31`, today };
}

/**
 * Scores each unit's measurements (docking volume relative to the highest at the level), weights them with the
 * year's version, and ranks them: the scorecards of one level and year, best first, the unscored last.
 */
export function rankScorecards(
  input: Omit<Scorecards, 'rows' | 'definitions'>,
  units: { id: string; name: string; organizationName: string | null; measurements: UnitMeasurements }[],
): Scorecards {
  const maxDocking = Math.max(0, ...units.map((u) => u.measurements.dockingReceived));
  const scored = units.map((u) => {
    const scores = indicatorScores(u.measurements, maxDocking);
    return { ...u, scores, ...weightedScore(scores, input.version.weights) };
  });
  const ranks = rankScores(scored.map((s) => s.score));
  const last = Number.MAX_SAFE_INTEGER;
  const rows = scored
    .map((s, i): ScorecardRow => ({ ...s, rank: ranks[i] ?? null }))
    .sort((a, b) => (a.rank ?? last) - (b.rank ?? last) || a.name.localeCompare(b.name));
  return {
    ...input,
    definitions: INDICATOR_KEYS.map((indicator) => ({ indicator, ...INDICATORS[indicator] })),
    rows,
  };
}
