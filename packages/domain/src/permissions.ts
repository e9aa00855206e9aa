import type { Permission } from './permission-catalogue.ts';
import { isRoleOnPlatform, type Platform, type Role } from './roles.ts';

export { PERMISSION_LABELS, PERMISSIONS, type Permission } from './permission-catalogue.ts';

export interface Actor {
  userId: string;
  roles: Role[];
  organizationId: string | null;
  platform: Platform;
}

const APPLICANT: readonly Permission[] = [
  'case.apply',
  'case.read.own',
  'case.message',
  'evidence.upload',
  'agreement.sign',
  'payment.record',
  'confirmation.apply',
  'roster.read',
  'loss.read.own',
  'survey.answer',
];

/**
 * The one permission catalogue (DOMAIN §2). Scope (own / org / assigned case) is checked by policies on top of this;
 * a permission here only says the role may ever do the thing.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  investor: APPLICANT,
  agent: APPLICANT,
  respondent: [
    'case.read.org',
    'case.respond',
    'case.message',
    'evidence.upload',
    'agreement.sign',
    'payment.record',
    'confirmation.apply',
    'roster.read',
    'survey.answer',
  ],
  mediator: [
    'case.read.assigned',
    'case.mediate',
    'case.record',
    'case.message',
    'evidence.upload',
    'agreement.draft',
    'agreement.sign',
    'roster.read',
    'training.attend',
    'pii.reveal',
  ],
  org_admin: [
    'case.read.org',
    'case.register',
    'case.accept',
    'case.assign',
    'case.terminate',
    'case.supervise',
    'case.message',
    'agreement.seal',
    'payment.record',
    'roster.read',
    'roster.manage',
    'docking.receive',
    'loss.read.all',
    'stats.read',
    'evaluation.read',
    'training.organize',
    'training.attend',
    'pii.reveal',
  ],
  loss_analyst: ['loss.assess', 'loss.read.all'],
  regulator: ['case.read.all', 'roster.read', 'roster.manage', 'stats.read', 'evaluation.read'],
  filing_officer: [
    'court.workbench',
    'court.case.read',
    'court.delegate',
    'court.entrust',
    'court.file',
    'training.attend',
    'pii.reveal',
  ],
  judge: [
    'court.workbench',
    'court.case.read',
    'court.entrust',
    'court.adjudicate',
    'court.confirm',
    'court.loss.entrust',
    'training.attend',
    'pii.reveal',
  ],
  court_admin: ['court.workbench', 'court.case.read', 'stats.read', 'evaluation.read', 'training.organize'],
  sys_admin: ['user.manage', 'org.manage', 'system.configure', 'docking.monitor'],
  sec_admin: ['role.grant', 'security.configure'],
  audit_admin: ['audit.read', 'audit.verify'],
};

/** Permissions the actor holds; roles that do not belong to the actor's platform confer nothing. */
export function permissionsOf(actor: Pick<Actor, 'roles' | 'platform'>): Permission[] {
  const held = new Set<Permission>();
  for (const role of actor.roles) {
    if (!isRoleOnPlatform(role, actor.platform)) continue;
    for (const permission of ROLE_PERMISSIONS[role]) held.add(permission);
  }
  return [...held].sort();
}

export function isAuthorized(actor: Pick<Actor, 'roles' | 'platform'>, permission: Permission): boolean {
  return actor.roles.some(
    (role) => isRoleOnPlatform(role, actor.platform) && ROLE_PERMISSIONS[role].includes(permission),
  );
}

export function rolesWithPermission(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) =>
    ROLE_PERMISSIONS[role].includes(permission),
  );
}
