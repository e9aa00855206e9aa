/**
 * The messages of the 总对总 docking link between the court platform and the mediation platform. Pure data: the
 * protocol module, both platforms' use cases and the web client's labels read it.
 */
export const DOCKING_MESSAGE_TYPES = [
  'directory.sync',
  'case.delegate',
  'case.entrust',
  'case.receipt',
  'case.decline',
  'case.extension',
  'case.progress',
  'case.closing-report',
  'case.withdrawal',
  'case.filing-notice',
  'confirmation.apply',
  'confirmation.acceptance',
  'confirmation.supplement-request',
  'confirmation.supplement',
  'confirmation.ruling',
  'confirmation.withdrawal',
  'link.reconciliation',
] as const;
export type DockingMessageType = (typeof DOCKING_MESSAGE_TYPES)[number];

/**
 * Which side sends each message: the court delegates and entrusts, the organization reports back; for judicial
 * confirmation the mediation platform applies (for the parties) and the court decides.
 */
export const DOCKING_SENDER: Record<DockingMessageType, 'court' | 'mediation' | 'either'> = {
  'directory.sync': 'mediation',
  'case.delegate': 'court',
  'case.entrust': 'court',
  'case.receipt': 'mediation',
  'case.decline': 'mediation',
  'case.extension': 'either',
  'case.progress': 'mediation',
  'case.closing-report': 'mediation',
  'case.withdrawal': 'court',
  'case.filing-notice': 'court',
  'confirmation.apply': 'mediation',
  'confirmation.acceptance': 'court',
  'confirmation.supplement-request': 'court',
  'confirmation.supplement': 'mediation',
  'confirmation.ruling': 'court',
  'confirmation.withdrawal': 'mediation',
  'link.reconciliation': 'either',
};

export const DOCKING_MESSAGE_LABELS: Record<DockingMessageType, { zh: string; en: string }> = {
  'directory.sync': { zh: '名册同步', en: 'Directory sync' },
  'case.delegate': { zh: '诉前委派', en: 'Pre-filing delegation' },
  'case.entrust': { zh: '诉中委托', en: 'Post-filing entrustment' },
  'case.receipt': { zh: '签收回执', en: 'Receipt' },
  'case.decline': { zh: '退回', en: 'Decline' },
  'case.extension': { zh: '延期', en: 'Extension' },
  'case.progress': { zh: '进展', en: 'Progress' },
  'case.closing-report': { zh: '结案报告', en: 'Closing report' },
  'case.withdrawal': { zh: '撤回', en: 'Withdrawal' },
  'case.filing-notice': { zh: '立案通知', en: 'Filing notice' },
  'confirmation.apply': { zh: '司法确认申请', en: 'Judicial confirmation application' },
  'confirmation.acceptance': { zh: '司法确认受理决定', en: 'Confirmation acceptance decision' },
  'confirmation.supplement-request': { zh: '补充材料通知', en: 'Request for supplements' },
  'confirmation.supplement': { zh: '补充材料', en: 'Supplement' },
  'confirmation.ruling': { zh: '司法确认裁定', en: 'Confirmation ruling' },
  'confirmation.withdrawal': { zh: '撤回司法确认申请', en: 'Confirmation application withdrawn' },
  'link.reconciliation': { zh: '对账', en: 'Reconciliation' },
};
