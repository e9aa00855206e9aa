/** Every permission, with zh/en labels the web shows. Names are `area.verb[.scope]`; stable once published. */
export const PERMISSION_LABELS = {
  // Cases on the mediation platform (lifecycle A)
  'case.apply': { zh: '提交调解申请', en: 'Apply for mediation' },
  'case.read.own': { zh: '查看本人案件', en: 'Read own cases' },
  'case.read.org': { zh: '查看本机构案件', en: "Read the organization's cases" },
  'case.read.assigned': { zh: '查看分派给本人的案件', en: 'Read assigned cases' },
  'case.read.all': { zh: '查看全部案件（只读监督）', en: 'Read all cases (oversight)' },
  'case.respond': { zh: '答复调解申请', en: 'Reply to applications' },
  'case.register': { zh: '登记申请', en: 'Register applications' },
  'case.accept': { zh: '受理/不予受理', en: 'Accept or refuse applications' },
  'case.assign': { zh: '确定程序并分派调解员', en: 'Set track and assign mediators' },
  'case.mediate': { zh: '主持调解', en: 'Mediate cases' },
  'case.record': { zh: '制作调解笔录', en: 'Keep the mediation record' },
  'case.message': { zh: '案件留言', en: 'Post case messages' },
  'case.terminate': { zh: '终止调解', en: 'Terminate mediation' },
  'case.supervise': { zh: '督办期限', en: 'Supervise deadlines' },
  'evidence.upload': { zh: '上传证据材料', en: 'Upload evidence' },
  'agreement.draft': { zh: '起草调解协议', en: 'Draft agreements' },
  'agreement.sign': { zh: '签署调解协议', en: 'Sign agreements' },
  'agreement.seal': { zh: '加盖调解组织印章', en: 'Seal agreements' },
  'payment.record': { zh: '登记履行付款', en: 'Record payments' },
  'confirmation.apply': { zh: '申请司法确认', en: 'Apply for judicial confirmation' },
  'roster.read': { zh: '查看调解员名册', en: 'Read the mediator roster' },
  'roster.manage': { zh: '管理调解员名册', en: 'Manage the mediator roster' },
  // Loss assessment (lifecycle E)
  'loss.assess': { zh: '损失核定计算', en: 'Run loss assessments' },
  'loss.read.own': { zh: '查询本人损失核定结果', en: 'Look up own loss result' },
  'loss.read.all': { zh: '查看全部损失核定结果', en: 'Read all loss results' },
  // Court platform (lifecycles B–D)
  'court.workbench': { zh: '使用法院工作台', en: 'Use the court workbench' },
  'court.case.read': { zh: '查看本院案件', en: "Read the court's cases" },
  'court.delegate': { zh: '诉前委派调解', en: 'Delegate pre-filing mediation' },
  'court.entrust': { zh: '诉中委托调解', en: 'Entrust post-filing mediation' },
  'court.file': { zh: '登记立案', en: 'Register and file cases' },
  'court.adjudicate': {
    zh: '出具调解书、准许撤诉、恢复审理',
    en: 'Issue mediation documents, allow withdrawals, resume trial',
  },
  'court.confirm': { zh: '司法确认审查', en: 'Review judicial confirmation' },
  'court.loss.entrust': { zh: '委托损失核定', en: 'Entrust loss assessment' },
  'docking.receive': { zh: '接收法院委派/委托', en: 'Receive court delegations' },
  'docking.monitor': { zh: '监控对接消息与对账', en: 'Monitor docking messages and reconciliation' },
  // Oversight and statistics
  'stats.read': { zh: '查看统计', en: 'Read statistics' },
  'evaluation.read': { zh: '查看评估考核', en: 'Read evaluations' },
  'survey.answer': { zh: '填写满意度问卷', en: 'Answer satisfaction surveys' },
  'training.organize': { zh: '组织联合培训', en: 'Organize joint training' },
  'training.attend': { zh: '参加培训', en: 'Attend training' },
  'pii.reveal': { zh: '查看完整个人信息', en: 'Reveal personal data' },
  // Administration (separated duties)
  'user.manage': { zh: '管理用户账户', en: 'Manage user accounts' },
  'org.manage': { zh: '管理机构信息', en: 'Manage organizations' },
  'system.configure': { zh: '系统配置', en: 'Configure the system' },
  'role.grant': { zh: '授予/撤销角色', en: 'Grant and revoke roles' },
  'security.configure': { zh: '安全策略配置', en: 'Configure security policy' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit trail' },
  'audit.verify': { zh: '校验审计日志完整性', en: 'Verify audit-trail integrity' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type Permission = keyof typeof PERMISSION_LABELS;

export const PERMISSIONS = Object.keys(PERMISSION_LABELS) as Permission[];
