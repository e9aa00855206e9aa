import { chineseDate } from '../agreement-template.ts';
import { compareDates, type IsoDate } from '../calendar/dates.ts';
import { CONFIRMATION_REFUSAL_GROUNDS } from '../lifecycles/judicial-confirmation.ts';
import { applicationWindowLastDay } from './clocks.ts';

/**
 * What the mediation platform checks before the parties may apply for judicial confirmation: the grounds on which
 * a court would not accept the application (民事诉讼法 第二百零五条; 民诉法解释 第三百五十五条, as we read them) as far
 * as the platform can know them, and its own rule of one live application per agreement.
 */
export interface PrecheckInput {
  /** The agreement's status on the platform; only an `effective` agreement can be confirmed. */
  agreementStatus: string;
  effectiveDate: IsoDate | null;
  today: IsoDate;
  /** Securities, futures and fund disputes are all civil disputes within the courts' scope: no rule reads it yet. */
  disputeKind: 'securities' | 'futures' | 'fund' | 'other';
  /** What the agreement settles. */
  subject: 'payment' | 'ownership' | 'personal-status' | 'other';
  /** A live application for this agreement exists. */
  openApplication: boolean;
  /** A court already confirmed this agreement. */
  confirmed: boolean;
  /** Competent courts reachable over the link (competentCourts). */
  competentCourtCount: number;
}

export const PRECHECK_CODES = [
  'agreement-not-effective',
  'window-closed',
  'personal-status',
  'property-ownership',
  'application-open',
  'already-confirmed',
  'no-competent-court',
] as const;
export type PrecheckCode = (typeof PRECHECK_CODES)[number];

export interface PrecheckProblem {
  /** One of PRECHECK_CODES. */
  code: string;
  zh: string;
  en: string;
}

const refusal = (code: 'personal-status' | 'property-ownership'): PrecheckProblem => {
  const ground = CONFIRMATION_REFUSAL_GROUNDS[code];
  return {
    code,
    zh: `${ground.zh}的，人民法院不予受理（${ground.basis.zh}）。`,
    en: `The court would not accept it: ${ground.en.charAt(0).toLowerCase()}${ground.en.slice(1)} (${ground.basis.en}).`,
  };
};

/** The reasons the parties may not apply now, in a fixed order; empty: they may apply. */
export function confirmationPrecheck(input: PrecheckInput): PrecheckProblem[] {
  const problems: PrecheckProblem[] = [];
  if (input.agreementStatus !== 'effective' || input.effectiveDate === null) {
    problems.push({
      code: 'agreement-not-effective',
      zh: '调解协议尚未生效：须经双方当事人、调解员签署并由调解组织盖章后方可申请司法确认。',
      en: 'The mediation agreement has not taken effect: it must be signed by the parties and the mediator and sealed by the organization.',
    });
  }
  if (input.effectiveDate !== null) {
    const lastDay = applicationWindowLastDay(input.effectiveDate);
    if (compareDates(input.today, lastDay) > 0) {
      problems.push({
        code: 'window-closed',
        zh: `申请期限已于${chineseDate(lastDay)}届满：司法确认应当自调解协议生效之日起三十日内申请（民事诉讼法 第二百零五条）。`,
        en: `The application window closed on ${lastDay}: the parties apply within 30 days from the agreement taking effect (Civil Procedure Law, art. 205).`,
      });
    }
  }
  if (input.subject === 'personal-status') problems.push(refusal('personal-status'));
  if (input.subject === 'ownership') problems.push(refusal('property-ownership'));
  if (input.openApplication) {
    problems.push({
      code: 'application-open',
      zh: '该调解协议已有正在办理的司法确认申请。',
      en: 'An application for this agreement is already under way.',
    });
  }
  if (input.confirmed) {
    problems.push({
      code: 'already-confirmed',
      zh: '该调解协议已经人民法院司法确认。',
      en: 'A court has already confirmed this agreement.',
    });
  }
  if (input.competentCourtCount === 0) {
    problems.push({
      code: 'no-competent-court',
      zh: '没有可通过对接平台申请的有管辖权的人民法院。',
      en: 'No competent court is reachable over the docking link.',
    });
  }
  return problems;
}
