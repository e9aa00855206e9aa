import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { indicatorScores } from '../src/evaluation/indicators.ts';
import { checkSurveyAnswers, surveyMean } from '../src/evaluation/survey.ts';
import { checkWeights, rankScores, weightedScore } from '../src/evaluation/weights.ts';

const WEIGHTS = { successRate: 35, speed: 15, satisfaction: 30, dockingVolume: 10, trainingHours: 10 };

describe('scorecard weights', () => {
  it('accepts whole percentages adding up to exactly 100, zero leaving an indicator out', () => {
    expect(checkWeights(WEIGHTS)).toEqual(WEIGHTS);
    expect(() => checkWeights({ ...WEIGHTS, speed: 0, successRate: 50 })).not.toThrow();
  });

  it('refuses a sum other than 100, fractions, negatives, missing and unknown indicators', () => {
    for (const bad of [
      { ...WEIGHTS, speed: 16 },
      { ...WEIGHTS, speed: 14.5, successRate: 35.5 },
      { ...WEIGHTS, speed: -5, successRate: 55 },
      { successRate: 100 },
      { ...WEIGHTS, luck: 0 },
    ])
      expect(() => checkWeights(bad), JSON.stringify(bad)).toThrow(AppError);
  });

  it('scales the measured weights up when an indicator cannot be measured, and says how much was measured', () => {
    const scores = { successRate: 80, speed: 50, satisfaction: null, dockingVolume: 100, trainingHours: 100 };
    // (80×35 + 50×15 + 100×10 + 100×10) / 70
    expect(weightedScore(scores, WEIGHTS)).toEqual({ score: 79.3, coverage: 70 });
    expect(
      weightedScore(
        { ...scores, successRate: null, speed: null, dockingVolume: null, trainingHours: null },
        WEIGHTS,
      ),
    ).toEqual({
      score: null,
      coverage: 0,
    });
  });

  it('ranks equal scores equally and leaves the unscored unranked', () => {
    expect(rankScores([70, 90, null, 70, 50])).toEqual([2, 1, null, 2, 4]);
  });
});

describe('indicator scores', () => {
  it('turns the measurements into 0–100 scores', () => {
    expect(
      indicatorScores(
        {
          successRate: 0.625,
          medianDaysToSettle: 12,
          satisfactionAverage: 4.2,
          dockingReceived: 3,
          trainingShare: 1.4,
        },
        12,
      ),
    ).toEqual({ successRate: 62.5, speed: 60, satisfaction: 80, dockingVolume: 25, trainingHours: 100 });
    expect(
      indicatorScores(
        {
          successRate: null,
          medianDaysToSettle: 45,
          satisfactionAverage: null,
          dockingReceived: 0,
          trainingShare: null,
        },
        0,
      ),
    ).toEqual({ successRate: null, speed: 0, satisfaction: null, dockingVolume: null, trainingHours: null });
  });
});

describe('the satisfaction survey', () => {
  it('needs every question answered 1–5 and averages them', () => {
    const answers = { heard: 5, clear: 4, fair: 5, respect: 5, overall: 4 };
    expect(surveyMean(checkSurveyAnswers(answers))).toBe(4.6);
    for (const bad of [
      { ...answers, overall: 0 },
      { ...answers, fair: 4.5 },
      { heard: 5 },
      { ...answers, won: 5 },
    ])
      expect(() => checkSurveyAnswers(bad), JSON.stringify(bad)).toThrow(AppError);
  });
});
