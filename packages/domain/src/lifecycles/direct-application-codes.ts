/** Lifecycle A (投资者直接申请): states, events and the coded catalogues the UI shows. Names are binding (docs/journey-api.md). */
export type Labels = { readonly zh: string; readonly en: string };

export const DIRECT_STATES = [
  'draft',
  'submitted',
  'needs_supplement',
  'registered',
  'consulting',
  'accepted',
  'not_accepted',
  'mediating',
  'agreement_pending',
  'agreement_effective',
  'failed',
  'withdrawn',
  'terminated',
  'performed',
  // Court referrals (lifecycles B and C on the mediation side): the organization signs for receipt or declines.
  'awaiting_receipt',
  'declined',
] as const;
export type DirectState = (typeof DIRECT_STATES)[number];

export const DIRECT_EVENTS = [
  'submit',
  'request-supplement',
  'supplement',
  'register',
  'consult-respondent',
  'respondent-reply',
  'accept',
  'refuse',
  'set-track',
  'assign-mediator',
  'choose-mediator',
  'recuse',
  'draft-agreement',
  'sign-agreement',
  'seal-agreement',
  'fail',
  'withdraw',
  'terminate',
  'record-payment',
  'sign-for-receipt',
  'decline',
  'extend',
  'court-withdraw',
  'expire',
] as const;
export type DirectEvent = (typeof DIRECT_EVENTS)[number];

export const DIRECT_STATE_LABELS: Record<DirectState, Labels> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  needs_supplement: { zh: '待补正', en: 'Needs supplement' },
  registered: { zh: '已登记', en: 'Registered' },
  consulting: { zh: '征询被申请人意见', en: 'Consulting respondent' },
  accepted: { zh: '已受理', en: 'Accepted' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  mediating: { zh: '调解中', en: 'Mediating' },
  agreement_pending: { zh: '协议待签署', en: 'Agreement pending' },
  agreement_effective: { zh: '调解成功（协议生效）', en: 'Agreement effective' },
  failed: { zh: '调解不成', en: 'Mediation failed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  terminated: { zh: '已终止', en: 'Terminated' },
  performed: { zh: '履行完毕', en: 'Performed' },
  awaiting_receipt: { zh: '待签收（法院委派/委托）', en: 'Awaiting receipt (court referral)' },
  declined: { zh: '已退回法院', en: 'Returned to the court' },
};

export const DIRECT_EVENT_LABELS: Record<DirectEvent, Labels> = {
  submit: { zh: '提交申请', en: 'Submit' },
  'request-supplement': { zh: '要求补正', en: 'Request supplement' },
  supplement: { zh: '补正材料', en: 'Supplement' },
  register: { zh: '登记', en: 'Register' },
  'consult-respondent': { zh: '征询被申请人', en: 'Consult respondent' },
  'respondent-reply': { zh: '答复调解意愿', en: 'Reply' },
  accept: { zh: '受理', en: 'Accept' },
  refuse: { zh: '不予受理', en: 'Refuse' },
  'set-track': { zh: '确定调解程序', en: 'Set track' },
  'assign-mediator': { zh: '指派调解员', en: 'Assign mediator' },
  'choose-mediator': { zh: '选定调解员', en: 'Choose mediator' },
  recuse: { zh: '回避', en: 'Recuse' },
  'draft-agreement': { zh: '起草调解协议', en: 'Draft agreement' },
  'sign-agreement': { zh: '签署调解协议', en: 'Sign agreement' },
  'seal-agreement': { zh: '加盖印章', en: 'Seal agreement' },
  fail: { zh: '调解不成', en: 'Declare failure' },
  withdraw: { zh: '撤回申请', en: 'Withdraw' },
  terminate: { zh: '终止调解', en: 'Terminate' },
  'record-payment': { zh: '登记履行', en: 'Record payment' },
  'sign-for-receipt': { zh: '签收', en: 'Sign for receipt' },
  decline: { zh: '退回法院', en: 'Decline and return' },
  extend: { zh: '延长调解期限', en: 'Extend the period' },
  'court-withdraw': { zh: '法院撤回', en: 'Withdrawn by the court' },
  expire: { zh: '调解期限届满', en: 'Period expired' },
};

/** Why an organization returns a court's referral (退回). */
export const DECLINE_REASONS = {
  'outside-scope': { zh: '不属于本组织调解范围', en: "Outside the organization's scope" },
  'conflict-of-interest': { zh: '存在利益冲突', en: 'Conflict of interest' },
  'no-capacity': { zh: '调解力量不足', en: 'No mediator available' },
  'materials-incomplete': { zh: '材料不全', en: 'Materials incomplete' },
  other: { zh: '其他原因', en: 'Other reason' },
} as const satisfies Record<string, Labels>;

export function isDeclineReasonCode(value: unknown): value is keyof typeof DECLINE_REASONS {
  return typeof value === 'string' && Object.hasOwn(DECLINE_REASONS, value);
}

export const TRACKS = ['simple', 'ordinary', 'small-claim', 'complex'] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABELS: Record<Track, Labels> = {
  simple: { zh: '简易程序', en: 'Simple' },
  ordinary: { zh: '普通程序', en: 'Ordinary' },
  'small-claim': { zh: '小额速调', en: 'Small-claim fast track' },
  complex: { zh: '复杂案件', en: 'Complex' },
};

/** Reasons for 不予受理. `respondent-unwilling` is barred when the respondent must mediate (证券法 art. 94). */
export const REFUSAL_REASONS = {
  'respondent-unwilling': { zh: '被申请人不同意调解', en: 'Respondent does not agree to mediate' },
  'outside-scope': {
    zh: '不属于证券期货纠纷受理范围',
    en: 'Not a securities or futures dispute within scope',
  },
  'already-litigated': {
    zh: '纠纷已由法院、仲裁机构受理或处理',
    en: 'Already before or decided by a court or arbitral body',
  },
  'duplicate-application': { zh: '重复申请', en: 'Duplicate application' },
  'no-specific-claim': { zh: '无明确的请求和事实理由', en: 'No specific request, facts or grounds' },
  other: { zh: '其他原因', en: 'Other reason' },
} as const satisfies Record<string, Labels>;
type RefusalReasonCode = keyof typeof REFUSAL_REASONS;

/** Coded reasons for 调解不成, used by statistics. */
export const FAILURE_REASONS = {
  'amount-gap': { zh: '双方金额分歧过大', en: 'Amounts too far apart' },
  'liability-disputed': { zh: '对责任认定存在分歧', en: 'Liability disputed' },
  'party-absent': { zh: '当事人无正当理由不参加调解', en: 'A party failed to attend without good reason' },
  'party-withdrew-consent': { zh: '一方不愿继续调解', en: 'A party no longer consents to mediation' },
  'deadline-expired': { zh: '调解期限届满未达成协议', en: 'Mediation period expired without agreement' },
  'refused-to-sign': { zh: '一方拒绝签署调解协议', en: 'A party refused to sign the agreement' },
  other: { zh: '其他原因', en: 'Other reason' },
} as const satisfies Record<string, Labels>;
type FailureReasonCode = keyof typeof FAILURE_REASONS;

export function isRefusalReasonCode(value: unknown): value is RefusalReasonCode {
  return typeof value === 'string' && Object.hasOwn(REFUSAL_REASONS, value);
}

export function isFailureReasonCode(value: unknown): value is FailureReasonCode {
  return typeof value === 'string' && Object.hasOwn(FAILURE_REASONS, value);
}

export function isTrack(value: unknown): value is Track {
  return typeof value === 'string' && (TRACKS as readonly string[]).includes(value);
}
