import type { Labels } from '../lifecycles/direct-application-codes.ts';
import { count, derived, type FigureDefinition, fen, rate } from './figures.ts';

/**
 * The court platform's figures (DOMAIN §5, court docking and confirmations, seen from the courts): what a court, a
 * high court over its courts, and the SPC over all of them govern by. Each counted on the Beijing day of its event.
 */
export const COURT_FIGURES = {
  delegated: count(
    { zh: '诉前委派', en: 'Delegated (pre-filing)' },
    {
      zh: '经当事人同意后委派调解组织的诉前纠纷数，按委派日计。',
      en: 'Pre-filing disputes delegated to a mediation organization with the parties’ consent, by the day of delegation.',
    },
  ),
  entrusted: count(
    { zh: '诉中委托', en: 'Entrusted (post-filing)' },
    {
      zh: '立案后委托调解组织调解的案件数，按委托日计。',
      en: 'Filed cases entrusted to a mediation organization, by the day of entrustment.',
    },
  ),
  received: count(
    { zh: '调解组织签收', en: 'Signed for' },
    {
      zh: '调解组织签收的委派、委托案件数，按签收日计。',
      en: 'Delegations and entrustments the organization signed for, by the day of signing.',
    },
  ),
  declined: count(
    { zh: '调解组织退回', en: 'Declined' },
    {
      zh: '调解组织不予接收、退回法院的委派、委托案件数，按退回日计。',
      en: 'Delegations and entrustments the organization declined, by the day it declined.',
    },
  ),
  settled: count(
    { zh: '调解成功', en: 'Settled' },
    {
      zh: '调解组织报告调解成功的委派、委托案件数，按报告日计。',
      en: 'Delegations and entrustments reported settled, by the day of the report.',
    },
  ),
  failed: count(
    { zh: '调解不成', en: 'Not settled' },
    {
      zh: '报告调解不成或调解期限届满的委派、委托案件数，按报告或届满日计。',
      en: 'Delegations and entrustments reported not settled or whose period ran out, by that day.',
    },
  ),
  successRate: derived(
    'rate',
    { zh: '调解成功率', en: 'Success rate' },
    {
      zh: '调解成功 ÷（调解成功 + 调解不成），同一期间内结束的委派、委托调解。',
      en: 'Settled ÷ (settled + not settled), court referrals whose mediation ended in the period.',
    },
  ),
  filed: count(
    { zh: '调解不成登记立案', en: 'Filed after mediation' },
    {
      zh: '诉前委派调解后登记立案的案件数，按立案日计。',
      en: 'Delegated disputes filed as cases after mediation, by the day of filing.',
    },
  ),
  mediationDocuments: count(
    { zh: '出具调解书', en: 'Mediation documents' },
    {
      zh: '委托调解成功后法院出具民事调解书的案件数，按出具日计。',
      en: 'Entrusted cases settled and closed by the court’s mediation document (调解书), by the day of issue.',
    },
  ),
  confirmationsReceived: count(
    { zh: '收到司法确认申请', en: 'Confirmations received' },
    {
      zh: '收到的司法确认申请数，按收到日计。',
      en: 'Applications for judicial confirmation received, by the day of arrival.',
    },
  ),
  confirmed: count(
    { zh: '裁定确认有效', en: 'Confirmed' },
    {
      zh: '裁定确认调解协议有效的申请数，按裁定日计。',
      en: 'Applications ruled valid, by the day of the ruling.',
    },
  ),
  confirmationsRejected: count(
    { zh: '裁定驳回', en: 'Rejected' },
    {
      zh: '裁定驳回申请的司法确认申请数，按裁定日计。',
      en: 'Applications rejected by ruling, by the day of the ruling.',
    },
  ),
  claimAmountFen: fen(
    { zh: '委派委托标的额', en: 'Amount referred' },
    {
      zh: '期间内委派、委托案件的诉讼请求金额之和，按委派或委托日计。',
      en: 'Sum of the claims of the cases delegated or entrusted in the period.',
    },
  ),
  medianDaysToSettle: derived(
    'days',
    { zh: '委派委托至调解成功（中位天数）', en: 'Referral to settlement (median days)' },
    {
      zh: '期间内调解成功的案件，自委派或委托至报告调解成功的天数中位数。',
      en: 'Median days from delegation or entrustment to the settlement report, for the cases settled in the period.',
    },
  ),
} as const satisfies Record<string, FigureDefinition>;

export type CourtFigure = keyof typeof COURT_FIGURES;
export const COURT_FIGURE_KEYS = Object.keys(COURT_FIGURES) as CourtFigure[];
export type CourtFigures = Record<CourtFigure, number | null>;

/** Figures whose cases can be listed. */
export const LISTABLE_COURT_FIGURES = COURT_FIGURE_KEYS.filter(
  (f) => COURT_FIGURES[f].unit === 'count' || COURT_FIGURES[f].unit === 'fen',
) as Exclude<CourtFigure, 'successRate' | 'medianDaysToSettle'>[];
export type ListableCourtFigure = Exclude<CourtFigure, 'successRate' | 'medianDaysToSettle'>;

export const courtSuccessRate = (settled: number, failed: number) => rate(settled, settled + failed);

export const COURT_GROUP_BYS = ['month', 'court', 'organization', 'kind'] as const;
export type CourtGroupBy = (typeof COURT_GROUP_BYS)[number];
export const COURT_GROUP_BY_LABELS: Record<CourtGroupBy, Labels> = {
  month: { zh: '月份', en: 'Month' },
  court: { zh: '法院', en: 'Court' },
  organization: { zh: '调解组织', en: 'Organization' },
  kind: { zh: '类型', en: 'Kind' },
};
export const COURT_KIND_LABELS: Record<string, Labels> = {
  delegation: { zh: '诉前委派', en: 'Pre-filing delegation' },
  entrustment: { zh: '诉中委托', en: 'Post-filing entrustment' },
  confirmation: { zh: '司法确认', en: 'Judicial confirmation' },
};
