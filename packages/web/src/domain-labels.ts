/**
 * Display labels (zh/en) for the domain's codes. The catalogues come from @sutiao/domain, the same pure package the
 * server decides with, so a code and its label cannot drift apart. Unknown codes render as themselves.
 */
import {
  DECLINE_REASONS,
  DIRECT_EVENT_LABELS,
  DIRECT_STATE_LABELS,
  FAILURE_REASONS,
  REFUSAL_REASONS,
  TRACK_LABELS,
} from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { DEADLINE_KIND_LABELS } from '@sutiao/domain/lifecycles/direct-application-deadlines.ts';
import { ROLE_INFO } from '@sutiao/domain/roles.ts';
import type { Lang } from './i18n/lang.ts';

interface Label {
  zh: string;
  en: string;
}

type LabelMap = Readonly<Record<string, Label>>;

export function labelOf(map: LabelMap, code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  const entry = map[code];
  return entry ? entry[lang] : code;
}

export function optionsOf(map: LabelMap, lang: Lang): { value: string; label: string }[] {
  return Object.entries(map).map(([value, label]) => ({ value, label: label[lang] }));
}

/** Tag colours chosen for ≥ 4.5:1 text contrast on their background. */
export type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

export const CASE_STATUS: LabelMap = DIRECT_STATE_LABELS;

export const CASE_STATUS_TONE: Readonly<Record<string, Tone>> = {
  draft: 'neutral',
  submitted: 'info',
  needs_supplement: 'warning',
  registered: 'info',
  consulting: 'info',
  accepted: 'progress',
  not_accepted: 'danger',
  mediating: 'progress',
  agreement_pending: 'warning',
  agreement_effective: 'success',
  failed: 'danger',
  withdrawn: 'neutral',
  terminated: 'neutral',
  performed: 'success',
};

export const TRACK: LabelMap = TRACK_LABELS;

/** 调解不成 reasons (`fail {reasonCode}`). */
export const FAILURE_REASON: LabelMap = FAILURE_REASONS;

/** Why an organization returns a court's referral (`decline {reasonCode}`). */
export const DECLINE_REASON: LabelMap = DECLINE_REASONS;

/** 不予受理 reasons (`refuse {reasonCode}`); `respondent-unwilling` is barred for ordinary investors vs. firms. */
export const REFUSAL_REASON: LabelMap = REFUSAL_REASONS;

/** The roles of the catalogue, plus the party names the timeline uses. */
export const ROLE: LabelMap = {
  ...ROLE_INFO,
  applicant: { zh: '申请人', en: 'Applicant' },
  organization: { zh: '调解组织', en: 'Mediation organization' },
  system: { zh: '系统', en: 'System' },
};

/** Lifecycle events, plus the timeline's first entry. */
export const CASE_EVENT: LabelMap = {
  create: { zh: '创建申请', en: 'Create application' },
  ...DIRECT_EVENT_LABELS,
};

export const DEADLINE_KIND: LabelMap = DEADLINE_KIND_LABELS;

export const FIRM_TYPE: LabelMap = {
  securities: { zh: '证券公司', en: 'Securities firm' },
  futures: { zh: '期货公司', en: 'Futures firm' },
  fund: { zh: '基金公司', en: 'Fund manager' },
  listed: { zh: '上市公司', en: 'Listed company' },
};

/** CaseDetail.respondentReply. */
export const RESPONDENT_REPLY: LabelMap = {
  willing: { zh: '同意调解', en: 'Willing to mediate' },
  unwilling: { zh: '不同意调解', en: 'Not willing to mediate' },
};
