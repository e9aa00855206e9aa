import { describe, expect, it } from 'vitest';
import {
  type Actor,
  isAuthorized,
  PERMISSION_LABELS,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  rolesWithPermission,
} from '../src/permissions.ts';
import {
  assertRolesOnPlatform,
  assertSeparationOfDuties,
  isRole,
  isRoleOnPlatform,
  ROLE_INFO,
  roleLabel,
  ROLES,
  rolesForPlatform,
  satisfiesSeparationOfDuties,
  separationOfDutiesConflicts,
} from '../src/roles.ts';

const actor = (roles: Actor['roles'], platform: Actor['platform'] = 'mediation'): Actor => ({
  userId: 'u1',
  roles,
  organizationId: null,
  platform,
});

describe('roles', () => {
  it('places each role on its platform(s)', () => {
    expect(rolesForPlatform('mediation')).toEqual([
      'investor',
      'agent',
      'respondent',
      'mediator',
      'org_admin',
      'loss_analyst',
      'regulator',
      'sys_admin',
      'sec_admin',
      'audit_admin',
    ]);
    expect(rolesForPlatform('court')).toEqual([
      'filing_officer',
      'judge',
      'court_admin',
      'sys_admin',
      'sec_admin',
      'audit_admin',
    ]);
    expect(isRoleOnPlatform('judge', 'mediation')).toBe(false);
    expect(() => assertRolesOnPlatform(['judge'], 'mediation')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => assertRolesOnPlatform(['judge', 'sys_admin'], 'court')).not.toThrow();
  });

  it('has zh and en labels', () => {
    for (const role of ROLES) {
      expect(ROLE_INFO[role].zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(roleLabel(role, 'en').length).toBeGreaterThan(0);
    }
    expect(isRole('judge')).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('separation of duties: at most one of sys_admin, sec_admin, audit_admin', () => {
    expect(satisfiesSeparationOfDuties(['sys_admin'])).toBe(true);
    expect(satisfiesSeparationOfDuties(['sec_admin', 'org_admin'])).toBe(true);
    expect(separationOfDutiesConflicts(['sys_admin', 'audit_admin'])).toEqual(['sys_admin', 'audit_admin']);
    expect(satisfiesSeparationOfDuties(['sec_admin', 'audit_admin'])).toBe(false);
    expect(() => assertSeparationOfDuties(['sys_admin', 'sec_admin', 'audit_admin'])).toThrow(
      expect.objectContaining({ code: 'ROLE_CONFLICT', status: 403 }),
    );
  });
});

describe('permission catalogue', () => {
  it('every permission is labelled and held by some role; every role has permissions', () => {
    for (const permission of PERMISSIONS) {
      expect(PERMISSION_LABELS[permission].zh.length).toBeGreaterThan(0);
      expect(rolesWithPermission(permission).length, permission).toBeGreaterThan(0);
    }
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role].length, role).toBeGreaterThan(0);
      expect(new Set(ROLE_PERMISSIONS[role]).size, role).toBe(ROLE_PERMISSIONS[role].length);
    }
  });

  it('separated duties: granting, configuring and auditing live in different roles', () => {
    expect(rolesWithPermission('role.grant')).toEqual(['sec_admin']);
    expect(rolesWithPermission('audit.read')).toEqual(['audit_admin']);
    expect(rolesWithPermission('audit.verify')).toEqual(['audit_admin']);
    expect(rolesWithPermission('system.configure')).toEqual(['sys_admin']);
    expect(rolesWithPermission('user.manage')).toEqual(['sys_admin']);
    const admin = ['sys_admin', 'sec_admin', 'audit_admin'] as const;
    for (const a of admin) {
      for (const b of admin) {
        if (a === b) continue;
        expect(ROLE_PERMISSIONS[a].filter((p) => ROLE_PERMISSIONS[b].includes(p))).toEqual([]);
      }
    }
  });

  it('administrators hold no case-handling permissions', () => {
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin'] as const) {
      expect(ROLE_PERMISSIONS[role].filter((p) => p.startsWith('case.') || p === 'pii.reveal')).toEqual([]);
    }
  });

  it('regulators are read-only on cases', () => {
    expect(ROLE_PERMISSIONS.regulator.filter((p) => p.startsWith('case.'))).toEqual(['case.read.all']);
  });

  it('isAuthorized checks role and platform', () => {
    expect(isAuthorized(actor(['investor']), 'case.apply')).toBe(true);
    expect(isAuthorized(actor(['investor']), 'case.accept')).toBe(false);
    expect(isAuthorized(actor(['org_admin']), 'agreement.seal')).toBe(true);
    expect(isAuthorized(actor(['mediator']), 'agreement.seal')).toBe(false);
    expect(isAuthorized(actor(['loss_analyst']), 'loss.assess')).toBe(true);
    expect(isAuthorized(actor(['investor']), 'loss.read.own')).toBe(true);
    expect(isAuthorized(actor(['judge'], 'court'), 'court.workbench')).toBe(true);
    expect(isAuthorized(actor(['judge'], 'mediation'), 'court.workbench')).toBe(false);
    expect(isAuthorized(actor(['investor'], 'court'), 'case.apply')).toBe(false);
    expect(isAuthorized(actor(['audit_admin'], 'court'), 'audit.verify')).toBe(true);
    expect(isAuthorized(actor([]), 'stats.read')).toBe(false);
  });

  it('permissionsOf merges roles, sorted and de-duplicated', () => {
    const perms = permissionsOf(actor(['investor', 'agent']));
    expect(perms).toEqual([...ROLE_PERMISSIONS.investor].sort());
    expect(permissionsOf(actor(['judge'], 'mediation'))).toEqual([]);
  });
});
