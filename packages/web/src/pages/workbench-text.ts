import { usePageText } from '../i18n/page-text.ts';

/** The workbench's strings for roles without a case queue. */
const zh = {
  yourPages: '您的工作',
  loss: '受理法院委托的损失核定：录入参数、上传交易数据、计算并出具核定意见',
  myLoss: '查看本人的损失核定结果及计算说明',
  users: '开立、停用、解锁账户；安全管理员分配角色',
  audit: '查阅审计日志，核验日志完整性',
  inbox: '系统通知与待办',
  mediators: '调解员公开名册',
  cases: '案件列表',
};
const en: typeof zh = {
  yourPages: 'Your work',
  loss: "Courts' loss assessments: parameters, trade data, calculation and the signed opinion",
  myLoss: 'Your own loss assessment results, explained',
  users: 'Open, disable and unlock accounts; the security administrator assigns roles',
  audit: 'Read the audit log and verify it is intact',
  inbox: 'Notices and to-dos',
  mediators: 'The public roster of mediators',
  cases: 'Cases',
};

export type WorkbenchTextKey = keyof typeof zh;

/** A line under each menu page on the workbench, by path. */
export const PAGE_HINTS: Record<string, WorkbenchTextKey> = {
  '/loss': 'loss',
  '/my/loss-results': 'myLoss',
  '/admin/users': 'users',
  '/audit': 'audit',
  '/inbox': 'inbox',
  '/mediators': 'mediators',
  '/cases': 'cases',
};

export const useWorkbenchText = () => usePageText(zh, en);
