/**
 * Display labels (zh/en) for the domain's codes. Keys must match the server's catalogue
 * (packages/server/src/domain/); nothing is imported from the server. Unknown codes render as themselves.
 */
import type { Lang } from './i18n/lang.ts';

export interface Label {
  zh: string;
  en: string;
}

export type LabelMap = Readonly<Record<string, Label>>;

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

export const CASE_STATUS: LabelMap = {
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
};

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

export const TRACK: LabelMap = {
  simple: { zh: '简易程序', en: 'Simple' },
  ordinary: { zh: '普通程序', en: 'Ordinary' },
  'small-claim': { zh: '小额速调', en: 'Small-claim fast track' },
  complex: { zh: '复杂案件', en: 'Complex' },
};

/** 调解不成 reasons (`fail {reasonCode}`). */
export const FAILURE_REASON: LabelMap = {
  'amount-gap': { zh: '双方金额分歧过大', en: 'Amounts too far apart' },
  'liability-disputed': { zh: '对责任认定存在分歧', en: 'Liability disputed' },
  'party-absent': { zh: '当事人无正当理由不参加调解', en: 'A party failed to attend without good reason' },
  'party-withdrew-consent': { zh: '一方不愿继续调解', en: 'A party no longer consents to mediation' },
  'deadline-expired': { zh: '调解期限届满未达成协议', en: 'Mediation period expired without agreement' },
  'refused-to-sign': { zh: '一方拒绝签署调解协议', en: 'A party refused to sign the agreement' },
  other: { zh: '其他原因', en: 'Other reason' },
};

/** 不予受理 reasons (`refuse {reasonCode}`); `respondent-unwilling` is barred for ordinary investors vs. firms. */
export const REFUSAL_REASON: LabelMap = {
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
};

export const ROLE: LabelMap = {
  investor: { zh: '投资者/申请人', en: 'Investor (applicant)' },
  applicant: { zh: '申请人', en: 'Applicant' },
  agent: { zh: '代理人', en: 'Agent' },
  respondent: { zh: '被申请人', en: 'Respondent' },
  mediator: { zh: '调解员', en: 'Mediator' },
  org_admin: { zh: '调解组织管理员', en: 'Mediation organization administrator' },
  organization: { zh: '调解组织', en: 'Mediation organization' },
  loss_analyst: { zh: '损失核定员', en: 'Loss analyst' },
  regulator: { zh: '监管人员', en: 'Regulator' },
  filing_officer: { zh: '立案庭法官/书记员', en: 'Filing officer' },
  judge: { zh: '法官', en: 'Judge' },
  court_admin: { zh: '法院管理员', en: 'Court administrator' },
  sys_admin: { zh: '系统管理员', en: 'System administrator' },
  sec_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  system: { zh: '系统', en: 'System' },
};

export const CASE_EVENT: LabelMap = {
  create: { zh: '创建申请', en: 'Create application' },
  submit: { zh: '提交申请', en: 'Submit application' },
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
};

export const DEADLINE_KIND: LabelMap = {
  registration: { zh: '登记期限', en: 'Registration due' },
  supplement: { zh: '补正期限', en: 'Supplement due' },
  consultation: { zh: '征询期限', en: 'Consultation due' },
  acceptance: { zh: '受理决定期限', en: 'Acceptance decision due' },
  mediation: { zh: '调解期限', en: 'Mediation period ends' },
  payment: { zh: '履行期限', en: 'Payment due' },
};

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
