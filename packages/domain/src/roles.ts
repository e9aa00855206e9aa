import { appError } from './errors.ts';

export type Platform = 'court' | 'mediation';

const MEDIATION_ROLES = [
  'investor',
  'agent',
  'respondent',
  'mediator',
  'org_admin',
  'loss_analyst',
  'regulator',
] as const;
const COURT_ROLES = ['filing_officer', 'judge', 'court_admin'] as const;
/** The three separated administrator duties (三员分立), present on both platforms. */
export const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'] as const;

type MediationRole = (typeof MEDIATION_ROLES)[number];
type CourtRole = (typeof COURT_ROLES)[number];
type AdminRole = (typeof ADMIN_ROLES)[number];
export type Role = MediationRole | CourtRole | AdminRole;

export const ROLES: readonly Role[] = [...MEDIATION_ROLES, ...COURT_ROLES, ...ADMIN_ROLES];

interface RoleInfo {
  readonly platforms: readonly Platform[];
  readonly zh: string;
  readonly en: string;
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  investor: { platforms: ['mediation'], zh: '投资者/申请人', en: 'Investor (applicant)' },
  agent: { platforms: ['mediation'], zh: '代理人', en: 'Agent' },
  respondent: { platforms: ['mediation'], zh: '被申请人', en: 'Respondent' },
  mediator: { platforms: ['mediation'], zh: '调解员', en: 'Mediator' },
  org_admin: { platforms: ['mediation'], zh: '调解组织管理员', en: 'Mediation organization administrator' },
  loss_analyst: { platforms: ['mediation'], zh: '损失核定员', en: 'Loss analyst' },
  regulator: { platforms: ['mediation'], zh: '监管人员', en: 'Regulator' },
  filing_officer: { platforms: ['court'], zh: '立案庭法官/书记员', en: 'Filing officer' },
  judge: { platforms: ['court'], zh: '法官', en: 'Judge' },
  court_admin: { platforms: ['court'], zh: '法院管理员', en: 'Court administrator' },
  sys_admin: { platforms: ['court', 'mediation'], zh: '系统管理员', en: 'System administrator' },
  sec_admin: { platforms: ['court', 'mediation'], zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { platforms: ['court', 'mediation'], zh: '审计管理员', en: 'Audit administrator' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: Role, lang: 'zh' | 'en'): string {
  return ROLE_INFO[role][lang];
}

export function isRoleOnPlatform(role: Role, platform: Platform): boolean {
  return ROLE_INFO[role].platforms.includes(platform);
}

export function rolesForPlatform(platform: Platform): Role[] {
  return ROLES.filter((role) => isRoleOnPlatform(role, platform));
}

export function isAdminRole(role: Role): role is AdminRole {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}

/**
 * Separation of duties: sys_admin configures, sec_admin grants roles, audit_admin reads and verifies the audit trail.
 * Holding two of them would let one person grant rights and hide the trace, so at most one is allowed.
 */
export function separationOfDutiesConflicts(roles: readonly Role[]): AdminRole[] {
  const held = ADMIN_ROLES.filter((admin) => roles.includes(admin));
  return held.length > 1 ? held : [];
}

export function satisfiesSeparationOfDuties(roles: readonly Role[]): boolean {
  return separationOfDutiesConflicts(roles).length === 0;
}

/** Throws ROLE_CONFLICT when a role set breaks separation of duties. */
export function assertSeparationOfDuties(roles: readonly Role[]): void {
  const conflicts = separationOfDutiesConflicts(roles);
  if (conflicts.length > 0) throw appError('ROLE_CONFLICT', { roles: conflicts.join(', ') }, { conflicts });
}

/** Throws VALIDATION_FAILED when a role does not exist on the platform, e.g. `judge` on the mediation platform. */
export function assertRolesOnPlatform(roles: readonly Role[], platform: Platform): void {
  const foreign = roles.filter((role) => !isRoleOnPlatform(role, platform));
  if (foreign.length > 0) {
    throw appError('VALIDATION_FAILED', {
      reason: `roles not on ${platform} platform: ${foreign.join(', ')}`,
    });
  }
}
