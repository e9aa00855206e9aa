import type { Me } from '../api/types.ts';
import type { MessageKey } from '../i18n/index.ts';

interface NavItem {
  path: string;
  labelKey: MessageKey;
  /** Shown when the user holds any of these permissions (or roles, as a fallback); empty = everyone. */
  permissions: string[];
  roles?: string[];
  platform?: 'court' | 'mediation';
}

/** The side menu; built from the user's `permissions` (codes from the server's catalogue). */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.workbench', permissions: [] },
  {
    path: '/apply',
    labelKey: 'nav.apply',
    permissions: ['case.apply'],
    roles: ['investor', 'agent'],
    platform: 'mediation',
  },
  {
    path: '/cases',
    labelKey: 'nav.cases',
    permissions: ['case.read.own', 'case.read.org', 'case.read.assigned', 'case.read.all'],
    roles: ['investor', 'agent', 'respondent', 'mediator', 'org_admin', 'regulator'],
    platform: 'mediation',
  },
  {
    path: '/loss',
    labelKey: 'nav.loss',
    permissions: ['loss.assess', 'loss.read.all'],
    platform: 'mediation',
  },
  {
    path: '/my/loss-results',
    labelKey: 'nav.myLoss',
    permissions: ['loss.read.own'],
    platform: 'mediation',
  },
  { path: '/statistics', labelKey: 'nav.statistics', permissions: ['stats.read'], platform: 'mediation' },
  { path: '/court', labelKey: 'nav.court', permissions: ['court.workbench'], platform: 'court' },
  { path: '/court/cases', labelKey: 'nav.courtCases', permissions: ['court.case.read'], platform: 'court' },
  { path: '/court/statistics', labelKey: 'nav.statistics', permissions: ['stats.read'], platform: 'court' },
  { path: '/evaluation', labelKey: 'nav.evaluation', permissions: ['evaluation.read', 'system.configure'] },
  { path: '/training', labelKey: 'nav.training', permissions: ['training.attend', 'training.organize'] },
  {
    path: '/training/oversight',
    labelKey: 'nav.trainingOversight',
    permissions: ['training.organize', 'stats.read', 'system.configure'],
  },
  { path: '/admin/users', labelKey: 'nav.users', permissions: ['user.manage', 'role.grant'] },
  { path: '/audit', labelKey: 'nav.audit', permissions: ['audit.read'] },
  { path: '/admin/docking/peers', labelKey: 'nav.dockingPeers', permissions: ['system.configure'] },
  { path: '/admin/docking/problems', labelKey: 'nav.dockingProblems', permissions: ['docking.monitor'] },
  { path: '/inbox', labelKey: 'nav.inbox', permissions: [] },
  {
    path: '/mediators',
    labelKey: 'nav.mediators',
    permissions: ['roster.read'],
    platform: 'mediation',
  },
];

export function visibleNavItems(me: Me, platform: 'court' | 'mediation'): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.platform && item.platform !== platform) return false;
    if (item.permissions.length === 0) return true;
    if (me.permissions.some((p) => item.permissions.includes(p))) return true;
    return (item.roles ?? []).some((role) => me.user.roles.includes(role));
  });
}
