import type { Labels } from '../lifecycles/direct-application-codes.ts';

/**
 * The figures the center, the organizations and the regulator govern by (DOMAIN §5), each with the definition shown
 * beside it. A figure is counted in the period in which its own event happened: a case registered in March and
 * settled in May counts as registered in March and as settled in May.
 */

export interface FigureDefinition {
  readonly label: Labels;
  readonly definition: Labels;
  readonly unit: 'count' | 'fen' | 'rate' | 'days';
}

/** A figure's definition by its unit: a count, an amount in fen, or a derived rate or median. */
export const count = (label: Labels, definition: Labels): FigureDefinition => ({
  label,
  definition,
  unit: 'count',
});
export const fen = (label: Labels, definition: Labels): FigureDefinition => ({
  label,
  definition,
  unit: 'fen',
});
export const derived = (unit: 'rate' | 'days', label: Labels, definition: Labels): FigureDefinition => ({
  label,
  definition,
  unit,
});

export const FIGURES = {
  registered: count(
    { zh: '登记', en: 'Registered' },
    {
      zh: '申请材料齐全并登记的案件数（含法院委派、委托到达的案件），按登记日计。',
      en: 'Applications complete and recorded (court delegations and entrustments included, on arrival), by the day of registration.',
    },
  ),
  accepted: count(
    { zh: '受理', en: 'Accepted' },
    {
      zh: '调解组织受理的案件数（法院委派、委托案件以签收为受理），按受理日计。',
      en: 'Cases taken on by the organization (a court referral is taken on when signed for), by the day of acceptance.',
    },
  ),
  notAccepted: count(
    { zh: '不予受理', en: 'Not accepted' },
    {
      zh: '决定不予受理或退回法院的案件数，按决定日计。',
      en: 'Cases refused, or court referrals declined, by the day of the decision.',
    },
  ),
  settled: count(
    { zh: '调解成功', en: 'Settled' },
    {
      zh: '调解协议生效的案件数，按协议生效日计。',
      en: 'Cases whose mediation agreement took effect, by the day it took effect.',
    },
  ),
  failed: count(
    { zh: '调解不成', en: 'Not settled' },
    {
      zh: '调解终结未达成协议（含法院委派、委托期限届满）的案件数，按终结日计。',
      en: 'Mediations ended without agreement (court periods that ran out included), by the day they ended.',
    },
  ),
  acceptanceRate: derived(
    'rate',
    { zh: '受理率', en: 'Acceptance rate' },
    {
      zh: '受理 ÷（受理 + 不予受理），同一期间内作出的受理决定。',
      en: 'Accepted ÷ (accepted + not accepted), decisions made in the period.',
    },
  ),
  successRate: derived(
    'rate',
    { zh: '调解成功率', en: 'Success rate' },
    {
      zh: '调解成功 ÷（调解成功 + 调解不成），同一期间内结束的调解；撤回、终止不计入。',
      en: 'Settled ÷ (settled + not settled), mediations that ended in the period; withdrawals and terminations are left out.',
    },
  ),
  amountInDisputeFen: fen(
    { zh: '争议金额', en: 'Amount in dispute' },
    {
      zh: '期间内受理案件的请求金额之和。',
      en: 'Sum of the claims of the cases accepted in the period.',
    },
  ),
  paidFen: fen(
    { zh: '获赔金额', en: 'Amount paid' },
    {
      zh: '依调解协议实际履行的金额之和，按付款日计。',
      en: 'Sum actually paid under mediation agreements, by the day of payment.',
    },
  ),
  courtReceived: count(
    { zh: '法院委派委托', en: 'Received from courts' },
    {
      zh: '经总对总对接收到的法院诉前委派和诉中委托案件数，按到达日计。',
      en: 'Cases received from courts over the link by pre-filing delegation and post-filing entrustment, by the day of arrival.',
    },
  ),
  courtSettled: count(
    { zh: '委派委托调解成功', en: 'Court referrals settled' },
    {
      zh: '法院委派、委托案件中调解协议生效的案件数，按协议生效日计。',
      en: 'Court-delegated and court-entrusted cases whose agreement took effect, by the day it took effect.',
    },
  ),
  confirmationsSubmitted: count(
    { zh: '申请司法确认', en: 'Confirmations applied for' },
    {
      zh: '双方共同申请并提交法院的司法确认申请数，按提交日计。',
      en: 'Joint applications for judicial confirmation sent to a court, by the day they were sent.',
    },
  ),
  confirmationsConfirmed: count(
    { zh: '司法确认有效', en: 'Confirmed by a court' },
    {
      zh: '法院裁定确认调解协议有效的申请数，按裁定日计。',
      en: 'Applications the court ruled valid, by the day of the ruling.',
    },
  ),
  deadlinesMet: count(
    { zh: '期限内办结', en: 'Deadlines met' },
    {
      zh: '在法定或规定期限（登记后征询、受理决定、调解期限等）届满前进入下一环节的次数，按办结日计。',
      en: 'Legal deadlines (consulting the firm, the acceptance decision, the mediation period …) whose next step came before they ran out, by the day of that step.',
    },
  ),
  deadlinesMissed: count(
    { zh: '超期', en: 'Deadlines missed' },
    {
      zh: '期限届满仍未进入下一环节的次数，按届满次日计（此后才办结的也计入）。',
      en: 'Deadlines that ran out before the next step (counted on the day after the last day, even if the step came later).',
    },
  ),
  deadlineCompliance: derived(
    'rate',
    { zh: '期限遵守率', en: 'Deadline compliance' },
    {
      zh: '期限内办结 ÷（期限内办结 + 超期），同一期间内确定结果的期限。',
      en: 'Deadlines met ÷ (met + missed), deadlines decided in the period.',
    },
  ),
  medianDaysToRegister: derived(
    'days',
    { zh: '提交至登记（中位天数）', en: 'Submission to registration (median days)' },
    {
      zh: '期间内登记的直接申请案件，自提交至登记的天数中位数。',
      en: 'Median days from submission to registration of the direct applications registered in the period.',
    },
  ),
  medianDaysToAccept: derived(
    'days',
    { zh: '登记至受理（中位天数）', en: 'Registration to acceptance (median days)' },
    {
      zh: '期间内受理的案件，自登记至受理的天数中位数。',
      en: 'Median days from registration to acceptance of the cases accepted in the period.',
    },
  ),
  medianDaysToSettle: derived(
    'days',
    { zh: '受理至调解成功（中位天数）', en: 'Acceptance to settlement (median days)' },
    {
      zh: '期间内调解成功的案件，自受理至协议生效的天数中位数。',
      en: 'Median days from acceptance to the agreement taking effect, for the cases settled in the period.',
    },
  ),
} as const satisfies Record<string, FigureDefinition>;

export type Figure = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as Figure[];
export type Figures = Record<Figure, number | null>;

/** Figures whose cases can be listed (drill-down): the counted events and the amounts; rates and medians derive. */
export const LISTABLE_FIGURES = [
  'registered',
  'accepted',
  'notAccepted',
  'settled',
  'failed',
  'amountInDisputeFen',
  'paidFen',
  'courtReceived',
  'courtSettled',
  'confirmationsSubmitted',
  'confirmationsConfirmed',
  'deadlinesMet',
  'deadlinesMissed',
] as const satisfies readonly Figure[];
export type ListableFigure = (typeof LISTABLE_FIGURES)[number];

/** A rate to four decimals, or null when nothing was decided (no 0 ÷ 0 percentages). */
export function rate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** The rates of a group, derived from its counts: the one place the two formulas live. */
export function withRates(
  counts: Omit<Figures, 'acceptanceRate' | 'successRate' | 'deadlineCompliance'> &
    Record<'accepted' | 'notAccepted' | 'settled' | 'failed' | 'deadlinesMet' | 'deadlinesMissed', number>,
): Figures {
  return {
    ...counts,
    acceptanceRate: rate(counts.accepted, counts.accepted + counts.notAccepted),
    successRate: rate(counts.settled, counts.settled + counts.failed),
    deadlineCompliance: rate(counts.deadlinesMet, counts.deadlinesMet + counts.deadlinesMissed),
  };
}

/**
 * The loss assessments (损失核定) the center issued for courts, counted by the day the signed report was issued: the
 * figures it reports as "19 courts / 32 companies / 20,000+ investors".
 */
export const LOSS_FIGURES = {
  reports: count(
    { zh: '出具核定报告', en: 'Reports issued' },
    {
      zh: '期间内出具（签章）的损失核定报告数，按出具日计。',
      en: 'Signed loss assessment reports issued in the period, by the day of issue.',
    },
  ),
  courts: count(
    { zh: '委托法院', en: 'Entrusting courts' },
    {
      zh: '期间内出具的报告所涉委托法院数（去重）。',
      en: 'Distinct courts that entrusted the reports issued in the period.',
    },
  ),
  companies: count(
    { zh: '涉及公司', en: 'Companies' },
    {
      zh: '期间内出具的报告所涉证券数（去重，以参数中的证券代码计；未指明证券的核定各计一家）。',
      en: 'Distinct securities of the reports issued in the period (by the security named in the parameters; an assessment naming none counts as one).',
    },
  ),
  investors: count(
    { zh: '核定投资者', en: 'Investors assessed' },
    {
      zh: '期间内出具的报告中符合条件的投资者人数。',
      en: 'Eligible investors in the reports issued in the period.',
    },
  ),
  amountFen: fen(
    { zh: '核定损失金额', en: 'Losses assessed' },
    {
      zh: '期间内出具的报告核定的损失总额（符合条件的投资者）。',
      en: 'Total loss assessed for the eligible investors in the reports issued in the period.',
    },
  ),
} as const satisfies Record<string, FigureDefinition>;

export type LossFigure = keyof typeof LOSS_FIGURES;
export const LOSS_FIGURE_KEYS = Object.keys(LOSS_FIGURES) as LossFigure[];
