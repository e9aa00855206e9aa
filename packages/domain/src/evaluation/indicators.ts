/**
 * The indicators a scorecard weighs (评估指标), each scored 0–100 so weights can combine them. What each measures is
 * shown beside it, as the figures' definitions are.
 */
export const INDICATORS = {
  successRate: {
    zh: '调解成功率：期间内调解成功数 ÷（调解成功数 + 调解不成数），按 100 分计（法院为其委派、委托案件）。',
    en: 'Success rate: settled ÷ (settled + failed) in the period, on a 100-point scale (for a court, the cases it referred).',
  },
  speed: {
    zh: '调解时效：自受理（法院为委派、委托）至调解成功的中位天数，0 天为 100 分，达到或超过 30 日调解期限为 0 分。',
    en: 'Speed: median days from acceptance (for a court, referral) to settlement; 0 days scores 100, the 30-day period or more scores 0.',
  },
  satisfaction: {
    zh: '当事人满意度：结案后程序公正问卷（是否被倾听、程序是否清楚、是否公正、总体评价）的平均分，1 分为 0、5 分为 100；少于 5 份问卷不计（法院不适用）。',
    en: 'Party satisfaction: the average of the procedural-fairness survey after closing (heard, clear, fair, overall), 1 → 0 and 5 → 100; fewer than 5 responses are not counted (not for courts).',
  },
  dockingVolume: {
    zh: '诉调对接量：期间内签收（法院为发出）的委派、委托案件数，以同级最高者为 100 分。',
    en: 'Docking volume: court delegations and entrustments signed for (for a court, sent) in the period, the highest at the level scoring 100.',
  },
  trainingHours: {
    zh: '培训学时：调解员为年度内计入学时占年度要求的比例，达到要求为 100 分；法院为本院法官达到年度要求的比例。',
    en: "Training hours: for a mediator, hours credited in the year against the year's requirement, meeting it scores 100; for a court, the share of its judges who met theirs.",
  },
} as const;

export type Indicator = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as Indicator[];

/** Who is scored: mediators, mediation organizations (a workstation is an organization), courts. */
export const SCORECARD_LEVELS = ['mediator', 'organization', 'court'] as const;
export type ScorecardLevel = (typeof SCORECARD_LEVELS)[number];

/** Where each level is scored: mediators and organizations on the mediation platform, courts on the court platform. */
export const LEVELS_OF_PLATFORM = {
  mediation: ['mediator', 'organization'],
  court: ['court'],
} as const satisfies Record<'mediation' | 'court', readonly ScorecardLevel[]>;

/** The days the speed indicator measures against: the 30-day mediation period (DOMAIN §3A). */
export const SPEED_LIMIT_DAYS = 30;

/** Fewer survey responses than this are not averaged: a handful of answers could be traced back to their authors. */
export const MIN_SURVEY_RESPONSES = 5;

const clamp = (n: number) => Math.max(0, Math.min(100, n));
const tenth = (n: number) => Math.round(n * 10) / 10;

/** Raw measurements of one scored unit; null where there is nothing to measure. */
export interface Measurements {
  successRate: number | null;
  medianDaysToSettle: number | null;
  satisfactionAverage: number | null;
  dockingReceived: number;
  trainingShare: number | null;
}

/** Each indicator's 0–100 score (null where not measurable), given the highest docking volume at the level. */
export function indicatorScores(m: Measurements, maxDocking: number): Record<Indicator, number | null> {
  return {
    successRate: m.successRate === null ? null : tenth(clamp(m.successRate * 100)),
    speed:
      m.medianDaysToSettle === null
        ? null
        : tenth(clamp(100 * (1 - m.medianDaysToSettle / SPEED_LIMIT_DAYS))),
    satisfaction:
      m.satisfactionAverage === null ? null : tenth(clamp(((m.satisfactionAverage - 1) / 4) * 100)),
    dockingVolume: maxDocking > 0 ? tenth(clamp((m.dockingReceived / maxDocking) * 100)) : null,
    trainingHours: m.trainingShare === null ? null : tenth(clamp(m.trainingShare * 100)),
  };
}
