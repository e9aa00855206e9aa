import {
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATE_LABELS,
} from '@sutiao/domain/lifecycles/confirmation-application.ts';
import {
  CONFIRMATION_REFUSAL_GROUNDS,
  CONFIRMATION_REJECTION_GROUNDS,
} from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import type { Tone } from '../../domain-labels.ts';
import type { Lang } from '../../i18n/index.ts';

type Labels = Readonly<Record<string, { zh: string; en: string }>>;

const pick = (labels: Labels, code: string | null | undefined, lang: Lang) =>
  code ? (labels[code]?.[lang] ?? code) : '—';

const EVENTS: Labels = {
  ...APPLICATION_EVENT_LABELS,
  apply: { zh: '申请司法确认', en: 'Applied' },
};
const DECISIONS: Labels = {
  confirmed: { zh: '裁定调解协议有效', en: 'Agreement confirmed' },
  rejected: { zh: '裁定驳回申请', en: 'Application rejected' },
  withdrawn: { zh: '按撤回申请处理', en: 'Treated as withdrawn' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
};
const GROUNDS: Labels = {
  ...CONFIRMATION_REFUSAL_GROUNDS,
  ...CONFIRMATION_REJECTION_GROUNDS,
  'supplement-lapsed': { zh: '未在限期内补充材料', en: 'Supplements not given in time' },
};

export const applicationStateLabel = (status: string, lang: Lang) =>
  pick(APPLICATION_STATE_LABELS, status, lang);
export const applicationEventLabel = (event: string, lang: Lang) => pick(EVENTS, event, lang);
export const decisionLabel = (decision: string | null | undefined, lang: Lang) =>
  pick(DECISIONS, decision, lang);
export const groundLabel = (ground: string | null | undefined, lang: Lang) => pick(GROUNDS, ground, lang);

export function applicationTone(status: string): Tone {
  if (status === 'confirmed') return 'success';
  if (['rejected', 'not_accepted', 'co_applicant_declined', 'lapsed'].includes(status)) return 'warning';
  if (status === 'withdrawn') return 'neutral';
  if (status === 'supplement_requested' || status === 'awaiting_co_applicant') return 'info';
  return 'progress';
}
