import { appError } from '../errors.ts';
import type { DirectState } from '../lifecycles/direct-application-codes.ts';

/**
 * The satisfaction survey a party answers after mediation ends: procedural fairness — was I heard, was it clear,
 * was it fair, was I treated with respect — and an overall rating, each 1 (not at all) to 5 (fully). It never asks
 * whether the party won.
 */
export const SURVEY_QUESTIONS = {
  heard: { zh: '调解员是否认真倾听了您的意见？', en: 'Did the mediator listen to what you had to say?' },
  clear: {
    zh: '调解程序和您的权利是否向您解释清楚？',
    en: 'Were the process and your rights explained clearly?',
  },
  fair: { zh: '调解员是否公正、不偏向任何一方？', en: 'Was the mediator impartial, favouring neither side?' },
  respect: { zh: '您是否受到尊重和礼貌对待？', en: 'Were you treated with respect and courtesy?' },
  overall: {
    zh: '总体而言，您对本次调解服务是否满意？',
    en: 'Overall, how satisfied are you with the mediation service?',
  },
} as const;

export type SurveyQuestion = keyof typeof SURVEY_QUESTIONS;
export const SURVEY_QUESTION_KEYS = Object.keys(SURVEY_QUESTIONS) as SurveyQuestion[];
export type SurveyAnswers = Record<SurveyQuestion, number>;

/** The states after which a mediation can be rated: it ended, settled (agreement effective, performed) or not. */
export const SURVEY_STATES: readonly DirectState[] = [
  'agreement_effective',
  'performed',
  'failed',
  'terminated',
];

/**
 * A side that has not answered is reminded once, this many days after its mediation ended, if that was within the
 * last SURVEY_REMINDER_WINDOW_DAYS (nobody is asked about a mediation long past).
 */
export const SURVEY_REMINDER_AFTER_DAYS = 3;
export const SURVEY_REMINDER_WINDOW_DAYS = 30;

/** Every question answered 1–5, nothing else. */
export function checkSurveyAnswers(answers: Record<string, unknown>): SurveyAnswers {
  for (const key of Object.keys(answers))
    if (!SURVEY_QUESTION_KEYS.includes(key as SurveyQuestion))
      throw appError('SURVEY_INVALID', {
        reason: { zh: `未知问题（${key}）`, en: `unknown question (${key})` },
      });
  for (const key of SURVEY_QUESTION_KEYS) {
    const a = answers[key];
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 5)
      throw appError('SURVEY_INVALID', {
        reason: {
          zh: `每个问题须选择 1 至 5 分（${key}）`,
          en: `every question needs a rating 1–5 (${key})`,
        },
      });
  }
  return answers as SurveyAnswers;
}

/** A response's mean over its questions. */
export const surveyMean = (a: SurveyAnswers) =>
  SURVEY_QUESTION_KEYS.reduce((sum, k) => sum + a[k], 0) / SURVEY_QUESTION_KEYS.length;
