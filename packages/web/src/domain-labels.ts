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
  'needs-supplement': { zh: '待补正', en: 'Needs supplement' },
  registered: { zh: '已登记', en: 'Registered' },
  'consulting-respondent': { zh: '征询被申请人', en: 'Consulting respondent' },
  accepted: { zh: '已受理', en: 'Accepted' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
  'track-set': { zh: '待分派调解员', en: 'Awaiting mediator' },
  'mediator-assigned': { zh: '已分派调解员', en: 'Mediator assigned' },
  mediating: { zh: '调解中', en: 'Mediating' },
  'agreement-drafted': { zh: '协议待签署', en: 'Agreement awaiting signatures' },
  'agreement-signed': { zh: '协议待盖章', en: 'Agreement awaiting seal' },
  'agreement-effective': { zh: '调解成功（协议生效）', en: 'Agreement effective' },
  failed: { zh: '调解不成', en: 'Mediation failed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  terminated: { zh: '已终止', en: 'Terminated' },
  performed: { zh: '履行完毕', en: 'Performed' },
};

export const CASE_STATUS_TONE: Readonly<Record<string, Tone>> = {
  draft: 'neutral',
  submitted: 'info',
  'needs-supplement': 'warning',
  registered: 'info',
  'consulting-respondent': 'info',
  accepted: 'progress',
  'not-accepted': 'danger',
  'track-set': 'progress',
  'mediator-assigned': 'progress',
  mediating: 'progress',
  'agreement-drafted': 'warning',
  'agreement-signed': 'warning',
  'agreement-effective': 'success',
  failed: 'danger',
  withdrawn: 'neutral',
  terminated: 'neutral',
  performed: 'success',
};

export const TRACK: LabelMap = {
  simple: { zh: '简易程序', en: 'Simple' },
  ordinary: { zh: '普通程序', en: 'Ordinary' },
  'small-claim': { zh: '小额速调', en: 'Small-claim fast track' },
  complex: { zh: '复杂程序', en: 'Complex' },
};

/** 调解不成 reasons (`fail {reasonCode}`). */
export const FAILURE_REASON: LabelMap = {
  'no-agreement-on-amount': { zh: '双方对赔偿金额分歧较大', en: 'Parties far apart on the amount' },
  'respondent-unwilling': { zh: '被申请人不同意调解方案', en: 'Respondent rejects the proposal' },
  'applicant-unwilling': { zh: '申请人不同意调解方案', en: 'Applicant rejects the proposal' },
  'party-absent': { zh: '当事人无正当理由未参加调解', en: 'A party did not attend without good reason' },
  'deadline-expired': { zh: '调解期限届满未达成协议', en: 'Mediation period expired without agreement' },
  other: { zh: '其他原因', en: 'Other reason' },
};

/** 不予受理 reasons (`refuse {reasonCode}`). */
export const REFUSAL_REASON: LabelMap = {
  'outside-scope': {
    zh: '不属于证券期货纠纷受理范围',
    en: 'Outside the scope of securities/futures disputes',
  },
  'already-in-litigation': { zh: '已进入诉讼或仲裁程序', en: 'Already before a court or arbitration' },
  duplicate: { zh: '重复申请', en: 'Duplicate application' },
  'respondent-declined': { zh: '被申请人不同意调解', en: 'Respondent declined mediation' },
  'incomplete-materials': { zh: '材料不全且逾期未补正', en: 'Incomplete materials not supplemented in time' },
  other: { zh: '其他原因', en: 'Other reason' },
};

export const ROLE: LabelMap = {
  investor: { zh: '投资者', en: 'Investor' },
  agent: { zh: '代理人', en: 'Agent' },
  respondent: { zh: '被申请人', en: 'Respondent' },
  mediator: { zh: '调解员', en: 'Mediator' },
  'org-admin': { zh: '调解组织管理员', en: 'Organization administrator' },
  'loss-analyst': { zh: '损失核定员', en: 'Loss analyst' },
  regulator: { zh: '监管人员', en: 'Regulator' },
  'filing-officer': { zh: '立案庭法官/书记员', en: 'Filing officer' },
  judge: { zh: '法官', en: 'Judge' },
  'court-admin': { zh: '法院管理员', en: 'Court administrator' },
  'system-admin': { zh: '系统管理员', en: 'System administrator' },
  'security-admin': { zh: '安全管理员', en: 'Security administrator' },
  'audit-admin': { zh: '审计管理员', en: 'Audit administrator' },
};

export const CASE_EVENT: LabelMap = {
  create: { zh: '创建申请', en: 'Create application' },
  submit: { zh: '提交申请', en: 'Submit application' },
  'request-supplement': { zh: '要求补正', en: 'Request supplement' },
  supplement: { zh: '补正材料', en: 'Supplement' },
  register: { zh: '登记', en: 'Register' },
  'consult-respondent': { zh: '征询被申请人', en: 'Consult respondent' },
  'respondent-reply': { zh: '答复征询', en: 'Reply to consultation' },
  accept: { zh: '受理', en: 'Accept' },
  refuse: { zh: '不予受理', en: 'Refuse' },
  'set-track': { zh: '确定调解程序', en: 'Set track' },
  'assign-mediator': { zh: '分派调解员', en: 'Assign mediator' },
  'choose-mediator': { zh: '选择调解员', en: 'Choose mediator' },
  recuse: { zh: '申请回避', en: 'Recuse' },
  'draft-agreement': { zh: '起草调解协议', en: 'Draft agreement' },
  'sign-agreement': { zh: '签署调解协议', en: 'Sign agreement' },
  'seal-agreement': { zh: '加盖组织印章', en: 'Seal agreement' },
  fail: { zh: '调解不成', en: 'Record failure' },
  withdraw: { zh: '撤回申请', en: 'Withdraw' },
  terminate: { zh: '终止调解', en: 'Terminate' },
  'record-payment': { zh: '登记履行', en: 'Record payment' },
};

export const DEADLINE_KIND: LabelMap = {
  register: { zh: '登记期限', en: 'Registration due' },
  supplement: { zh: '补正期限', en: 'Supplement due' },
  consult: { zh: '征询期限', en: 'Consultation due' },
  'consult-respondent': { zh: '征询期限', en: 'Consultation due' },
  accept: { zh: '受理期限', en: 'Acceptance due' },
  mediation: { zh: '调解期限', en: 'Mediation due' },
  sign: { zh: '签署期限', en: 'Signature due' },
  payment: { zh: '履行期限', en: 'Payment due' },
  confirmation: { zh: '司法确认申请期限', en: 'Confirmation application due' },
};

export const FIRM_TYPE: LabelMap = {
  securities: { zh: '证券公司', en: 'Securities firm' },
  futures: { zh: '期货公司', en: 'Futures firm' },
  fund: { zh: '基金公司', en: 'Fund manager' },
  'listed-company': { zh: '上市公司', en: 'Listed company' },
};

export const INBOX_KIND: LabelMap = {};
