import {
  DELEGATION_EVENT_LABELS,
  DELEGATION_STATE_LABELS,
} from '@sutiao/domain/lifecycles/court-delegation.ts';
import {
  ENTRUSTMENT_EVENT_LABELS,
  ENTRUSTMENT_STATE_LABELS,
} from '@sutiao/domain/lifecycles/court-entrustment.ts';
import {
  CLOSING_RESULTS,
  COURT_DEADLINE_KINDS,
  PROCEDURES,
} from '@sutiao/domain/lifecycles/court-referral.ts';
import type { Tone } from '../../domain-labels.ts';
import type { Lang } from '../../i18n/index.ts';

type Labels = Readonly<Record<string, { zh: string; en: string }>>;
type Kind = 'delegation' | 'entrustment';

const STATES: Record<Kind, Labels> = {
  delegation: DELEGATION_STATE_LABELS,
  entrustment: ENTRUSTMENT_STATE_LABELS,
};
const EVENTS: Record<Kind, Labels> = {
  delegation: DELEGATION_EVENT_LABELS,
  entrustment: ENTRUSTMENT_EVENT_LABELS,
};
const CREATION: Labels = {
  'enter-complaint': { zh: '登记诉状', en: 'Complaint entered' },
  file: { zh: '登记立案', en: 'Registered and filed' },
};

const pick = (labels: Labels, code: string | null | undefined, lang: Lang) =>
  code ? (labels[code]?.[lang] ?? code) : '—';

export const stateLabel = (kind: Kind, status: string, lang: Lang) => pick(STATES[kind], status, lang);
export const eventLabel = (kind: Kind, event: string, lang: Lang) =>
  EVENTS[kind][event] ? pick(EVENTS[kind], event, lang) : pick(CREATION, event, lang);
export const deadlineLabel = (kind: string, lang: Lang) => pick(COURT_DEADLINE_KINDS, kind, lang);
export const procedureLabel = (procedure: string | null | undefined, lang: Lang) =>
  pick(PROCEDURES, procedure, lang);
export const resultLabel = (result: string | null | undefined, lang: Lang) =>
  pick(CLOSING_RESULTS, result, lang);
export const stateOptions = (kind: Kind, lang: Lang) =>
  Object.entries(STATES[kind]).map(([value, label]) => ({ value, label: label[lang] }));

/** The tone of a state's tag (the contrast-checked tones of ToneTag): at the organization, settled, to file, or over. */
export function stateTone(status: string, closed: boolean): Tone {
  if (closed) return 'neutral';
  if (['delegated', 'entrusted', 'mediating'].includes(status)) return 'progress';
  if (status === 'settled') return 'success';
  if (['refused', 'declined', 'failed', 'expired'].includes(status)) return 'warning';
  return 'info';
}
