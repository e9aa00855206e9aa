import type { Labels, Track } from './direct-application-codes.ts';
import type { DeadlineRule } from './deadline-rules.ts';

type CountedRule = Extract<DeadlineRule, { unit: 'working-days' | 'calendar-days' }>;

/**
 * Default deadlines of lifecycle A as data. Registration, consultation and acceptance follow DOMAIN §3A; the track
 * periods are our defaults (no statute fixes them) and are meant to be configurable per organization later.
 */
export const DIRECT_DEADLINES = {
  /** 登记: the same (working) day once the application is complete. */
  registration: { kind: 'registration', unit: 'working-days', count: 0 },
  /** 补正: the applicant has 10 working days to supplement (our default). */
  supplement: { kind: 'supplement', unit: 'working-days', count: 10 },
  /** 征询: consult the respondent within 2 working days of registration. */
  consultation: { kind: 'consultation', unit: 'working-days', count: 2 },
  /** 受理决定: accept or refuse within 3 working days of consulting the respondent. */
  acceptance: { kind: 'acceptance', unit: 'working-days', count: 3 },
} as const satisfies Record<string, CountedRule>;

export const TRACK_MEDIATION_PERIODS: Record<Track, CountedRule> = {
  'small-claim': { kind: 'mediation', unit: 'working-days', count: 15 },
  simple: { kind: 'mediation', unit: 'calendar-days', count: 30 },
  ordinary: { kind: 'mediation', unit: 'calendar-days', count: 60 },
  complex: { kind: 'mediation', unit: 'calendar-days', count: 90 },
};

export const DEADLINE_KIND_LABELS: Record<string, Labels> = {
  registration: { zh: '登记期限', en: 'Registration due' },
  supplement: { zh: '补正期限', en: 'Supplement due' },
  consultation: { zh: '征询期限', en: 'Consultation due' },
  acceptance: { zh: '受理决定期限', en: 'Acceptance decision due' },
  mediation: { zh: '调解期限', en: 'Mediation period ends' },
  payment: { zh: '履行期限', en: 'Payment due' },
  'court-period': { zh: '法院委派/委托调解期限', en: "Court's mediation period ends" },
};

/** A court referral's mediation period ends on the court's date (30 days delegated, 15/7 entrusted, + extensions). */
export function courtPeriod(date: string): DeadlineRule {
  return { kind: 'court-period', unit: 'date', date };
}

export function mediationPeriod(track: Track): CountedRule {
  return TRACK_MEDIATION_PERIODS[track];
}

export function paymentDeadline(dueDate: string): DeadlineRule {
  return { kind: 'payment', unit: 'date', date: dueDate };
}
