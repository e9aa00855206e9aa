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
  'link.reconciliation',
] as const;
export type DockingMessageType = (typeof DOCKING_MESSAGE_TYPES)[number];

/** Which side sends each message: the court delegates and entrusts, the organization reports back. */
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
  'link.reconciliation': { zh: '对账', en: 'Reconciliation' },
};
