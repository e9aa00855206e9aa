import { appError } from '../errors.ts';
import { type Indicator, INDICATOR_KEYS } from './indicators.ts';

export type Weights = Record<Indicator, number>;

const invalid = (zh: string, en: string) => appError('EVALUATION_WEIGHTS_INVALID', { reason: { zh, en } });

/** Weights are whole percentages, one for every indicator (0 leaves it out), that add up to exactly 100. */
export function checkWeights(weights: Record<string, unknown>): Weights {
  for (const key of Object.keys(weights))
    if (!INDICATOR_KEYS.includes(key as Indicator))
      throw invalid(`未知指标（${key}）`, `unknown indicator (${key})`);
  let sum = 0;
  for (const key of INDICATOR_KEYS) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100)
      throw invalid(
        `指标“${key}”的权重须为 0 至 100 的整数`,
        `the weight of "${key}" must be a whole number 0–100`,
      );
    sum += w;
  }
  if (sum !== 100)
    throw invalid(
      `各指标权重之和须为 100%（现为 ${sum}%）`,
      `the weights must add up to 100 % (they add up to ${sum} %)`,
    );
  return weights as Weights;
}

/**
 * The weighted score, 0–100 to one decimal. An indicator that cannot be measured for this unit (no settled case, no
 * surveys) is left out and the others' weights are scaled up to fill its share; `coverage` says how much of the
 * weight was measured, so a score on little evidence is visible as such. Null when nothing weighted was measured.
 */
export function weightedScore(
  scores: Record<Indicator, number | null>,
  weights: Weights,
): { score: number | null; coverage: number } {
  let measured = 0;
  let total = 0;
  for (const key of INDICATOR_KEYS) {
    const s = scores[key];
    if (s === null || weights[key] === 0) continue;
    measured += weights[key];
    total += s * weights[key];
  }
  return { score: measured === 0 ? null : Math.round((total / measured) * 10) / 10, coverage: measured };
}

/** Competition ranking (1, 2, 2, 4): equal scores share a rank; units without a score come last, unranked. */
export function rankScores(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}
