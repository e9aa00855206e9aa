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
import {
  CONFIRMATION_DEADLINE_KINDS,
  CONFIRMATION_EVENT_LABELS,
  CONFIRMATION_REFUSAL_GROUNDS,
  CONFIRMATION_REJECTION_GROUNDS,
  CONFIRMATION_STATE_LABELS,
} from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { ROUTING_BASIS_LABELS } from '@sutiao/domain/confirmation/competent-court.ts';
import type { Tone } from '../../domain-labels.ts';
import type { Lang } from '../../i18n/index.ts';

type Labels = Readonly<Record<string, { zh: string; en: string }>>;
export type Kind = 'delegation' | 'entrustment' | 'confirmation';

const STATES: Record<Kind, Labels> = {
  delegation: DELEGATION_STATE_LABELS,
  entrustment: ENTRUSTMENT_STATE_LABELS,
  confirmation: CONFIRMATION_STATE_LABELS,
};
const EVENTS: Record<Kind, Labels> = {
  delegation: DELEGATION_EVENT_LABELS,
  entrustment: ENTRUSTMENT_EVENT_LABELS,
  confirmation: CONFIRMATION_EVENT_LABELS,
};
/** The events that open a case (they are no lifecycle's transition). */
const CREATION: Labels = {
  'enter-complaint': { zh: '登记诉状', en: 'Complaint entered' },
  file: { zh: '登记立案', en: 'Registered and filed' },
  'receive-application': { zh: '申请已接收', en: 'Application received' },
};
const DEADLINES: Labels = { ...COURT_DEADLINE_KINDS, ...CONFIRMATION_DEADLINE_KINDS };
/** What a confirmation ruling decided (`confirmation.ruling.decision`). */
const DECISIONS: Labels = {
  confirmed: CONFIRMATION_STATE_LABELS.confirmed,
  rejected: CONFIRMATION_STATE_LABELS.rejected,
  'not-accepted': CONFIRMATION_STATE_LABELS.not_accepted,
  withdrawn: CONFIRMATION_STATE_LABELS.withdrawn,
};
/** The two sides of the mediation, both applicants of a confirmation. */
const SIDES: Labels = {
  investor: { zh: '投资者一方', en: 'The investor' },
  respondent: { zh: '被申请人一方', en: 'The respondent' },
  both: { zh: '双方当事人', en: 'Both parties' },
};

const pick = (labels: Labels, code: string | null | undefined, lang: Lang) =>
  code ? (labels[code]?.[lang] ?? code) : '—';

export const stateLabel = (kind: Kind, status: string, lang: Lang) => pick(STATES[kind], status, lang);
export const eventLabel = (kind: Kind, event: string, lang: Lang) =>
  EVENTS[kind][event] ? pick(EVENTS[kind], event, lang) : pick(CREATION, event, lang);
export const deadlineLabel = (kind: string, lang: Lang) => pick(DEADLINES, kind, lang);
export const procedureLabel = (procedure: string | null | undefined, lang: Lang) =>
  pick(PROCEDURES, procedure, lang);
export const resultLabel = (result: string | null | undefined, lang: Lang) =>
  pick(CLOSING_RESULTS, result, lang);
export const stateOptions = (kind: Kind, lang: Lang) =>
  Object.entries(STATES[kind]).map(([value, label]) => ({ value, label: label[lang] }));

export const decisionLabel = (decision: string | null | undefined, lang: Lang) =>
  pick(DECISIONS, decision, lang);
export const sideLabel = (side: string | null | undefined, lang: Lang) => pick(SIDES, side, lang);
export const routingBasisLabel = (basis: string | null | undefined, lang: Lang) =>
  pick(ROUTING_BASIS_LABELS, basis, lang);

type Grounds = Readonly<Record<string, { zh: string; en: string; basis: { zh: string; en: string } }>>;
const groundsOf = (which: 'refuse' | 'reject'): Grounds =>
  which === 'refuse' ? CONFIRMATION_REFUSAL_GROUNDS : CONFIRMATION_REJECTION_GROUNDS;

/** The coded grounds of 不予受理 (refuse) or 驳回申请 (reject), as Select options. */
export const groundOptions = (which: 'refuse' | 'reject', lang: Lang) =>
  Object.entries(groundsOf(which)).map(([value, label]) => ({ value, label: label[lang] }));

/** A ground's label and the provision it rests on; a not-accepted ruling reads the refusal grounds. */
export function groundLabel(
  decision: string | null | undefined,
  code: string | null | undefined,
  lang: Lang,
): { label: string; basis: string | null } {
  if (!code) return { label: '—', basis: null };
  const ground = groundsOf(decision === 'not-accepted' ? 'refuse' : 'reject')[code];
  return ground ? { label: ground[lang], basis: ground.basis[lang] } : { label: code, basis: null };
}

/** The provision a ground code of `which` rests on (shown under the ground Select). */
export const groundBasis = (which: 'refuse' | 'reject', code: string | null | undefined, lang: Lang) =>
  code ? (groundsOf(which)[code]?.basis[lang] ?? null) : null;

/**
 * The tone of a state's tag (the contrast-checked tones of ToneTag): at the organization or under review, settled or
 * confirmed, to act on, or over. A confirmation's ruling keeps its tone once the case is closed.
 */
export function stateTone(status: string, closed: boolean, kind?: Kind): Tone {
  if (kind === 'confirmation') {
    if (status === 'confirmed') return 'success';
    if (status === 'rejected' || status === 'not_accepted') return 'warning';
    if (closed) return 'neutral';
    if (status === 'reviewing' || status === 'awaiting_supplement') return 'progress';
    return 'info';
  }
  if (closed) return 'neutral';
  if (['delegated', 'entrusted', 'mediating'].includes(status)) return 'progress';
  if (status === 'settled') return 'success';
  if (['refused', 'declined', 'failed', 'expired'].includes(status)) return 'warning';
  return 'info';
}
