import type { GuardDefinition } from './state-machine.ts';
import { isFailureReasonCode, isRefusalReasonCode, isTrack } from './direct-application-codes.ts';
import {
  choosingPartyOf,
  type DirectContext,
  respondentMustMediate,
  signingPartyOf,
} from './direct-application-context.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function nonEmpty(value: string | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function positiveFen(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

type Guard = GuardDefinition<DirectContext>;

export const DIRECT_GUARDS = {
  'complete-application': {
    check: (ctx) => ctx.case.applicationComplete,
    zh: '申请材料不完整',
    en: 'the application is incomplete',
  },
  'note-given': {
    check: (ctx) => nonEmpty(ctx.input?.note),
    needsInput: true,
    zh: '请说明需补正的内容',
    en: 'say what must be supplemented',
  },
  'reason-given': {
    check: (ctx) => nonEmpty(ctx.input?.reason),
    needsInput: true,
    zh: '请填写理由',
    en: 'a reason is required',
  },
  'respondent-not-yet-replied': {
    check: (ctx) => ctx.case.respondentReply === null,
    zh: '被申请人已答复',
    en: 'the respondent has already replied',
  },
  'reply-given': {
    check: (ctx) => typeof ctx.input?.willing === 'boolean',
    needsInput: true,
    zh: '请选择是否同意调解',
    en: 'say whether the respondent agrees to mediate',
  },
  'respondent-agrees-or-bound': {
    check: (ctx) => ctx.case.respondentReply === 'willing' || respondentMustMediate(ctx.case),
    zh: '被申请人未同意调解',
    en: 'the respondent has not agreed to mediate',
  },
  'refusal-reason-coded': {
    check: (ctx) => isRefusalReasonCode(ctx.input?.reasonCode),
    needsInput: true,
    zh: '请选择不予受理的理由',
    en: 'choose a coded refusal reason',
  },
  'refusal-allowed': {
    // 证券法 art. 94: a securities firm's unwillingness is no ground to refuse an ordinary investor; 期货和衍生品法
    // says the same of a futures firm and an ordinary trader (both are `respondentMustMediate`).
    check: (ctx) =>
      ctx.input?.reasonCode !== 'respondent-unwilling' ||
      (!respondentMustMediate(ctx.case) && ctx.case.respondentReply !== 'willing'),
    needsInput: true,
    zh: '证券公司不得拒绝普通投资者的调解请求（证券法第九十四条），期货公司不得拒绝普通交易者的调解请求（期货和衍生品法）',
    en: 'a securities firm may not refuse mediation requested by an ordinary investor (Securities Law art. 94), nor a futures firm one requested by an ordinary trader (Futures and Derivatives Law)',
  },
  'track-valid': {
    check: (ctx) => isTrack(ctx.input?.track),
    needsInput: true,
    zh: '请选择调解程序',
    en: 'choose a valid track',
  },
  'track-set': {
    check: (ctx) => ctx.case.track !== null,
    zh: '尚未确定调解程序',
    en: 'the track has not been set',
  },
  'mediator-not-recused': {
    check: (ctx) => {
      const id = ctx.input?.mediatorId;
      return nonEmpty(id) && !ctx.case.recusedMediatorUserIds.includes(id as string);
    },
    needsInput: true,
    zh: '该调解员已回避或未指定',
    en: 'the mediator is missing or has recused',
  },
  'is-choosing-party': {
    check: (ctx) => choosingPartyOf(ctx) !== null,
    zh: '仅当事人可选定调解员',
    en: 'only a party may choose the mediator',
  },
  'agreement-terms-valid': {
    check: (ctx) =>
      positiveFen(ctx.input?.amountFen) &&
      ISO_DATE.test(ctx.input?.dueDate ?? '') &&
      nonEmpty(ctx.input?.paymentTerms),
    needsInput: true,
    zh: '协议金额、履行方式和履行期限须完整',
    en: 'amount, payment terms and due date are required',
  },
  'no-signatures-yet': {
    check: (ctx) => !Object.values(ctx.case.signatures).some(Boolean),
    zh: '协议已有人签署，不能修改',
    en: 'the agreement has signatures and can no longer be redrafted',
  },
  'not-yet-signed-by-this-party': {
    check: (ctx) => {
      const party = signingPartyOf(ctx);
      return party !== null && !ctx.case.signatures[party];
    },
    zh: '您已签署该协议',
    en: 'you have already signed this agreement',
  },
  'all-parties-signed': {
    check: (ctx) =>
      ctx.case.signatures.investor && ctx.case.signatures.respondent && ctx.case.signatures.mediator,
    zh: '申请人、被申请人和调解员须全部签署',
    en: 'the applicant, the respondent and the mediator must all sign first',
  },
  'failure-reason-coded': {
    check: (ctx) => isFailureReasonCode(ctx.input?.reasonCode),
    needsInput: true,
    zh: '请选择调解不成的原因',
    en: 'choose a coded failure reason',
  },
  'payment-amount-valid': {
    check: (ctx) => {
      const amount = ctx.input?.amountFen;
      const owed = (ctx.case.agreementAmountFen ?? 0) - ctx.case.paidFen;
      return positiveFen(amount) && amount <= owed;
    },
    needsInput: true,
    zh: '付款金额须为正数且不超过未付金额',
    en: 'the payment must be positive and not exceed the amount outstanding',
  },
} as const satisfies Record<string, Guard>;

export type DirectGuard = keyof typeof DIRECT_GUARDS;
