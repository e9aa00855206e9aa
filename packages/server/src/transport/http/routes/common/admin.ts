import type { Deps } from '../../../../deps.ts';
import { listAuditRecords } from '../../../../use-cases/common/admin/list-audit-records.ts';
import { createUser } from '../../../../use-cases/common/admin/create-user.ts';
import { setUserAccess } from '../../../../use-cases/common/admin/set-user-access.ts';
import { listUsers } from '../../../../use-cases/common/admin/list-users.ts';
import { setUserRoles } from '../../../../use-cases/common/admin/set-user-roles.ts';
import { verifyAuditTrail } from '../../../../use-cases/common/admin/verify-audit-trail.ts';
import { integrateAuditNow } from '../../../../use-cases/common/audit/integrate-now.ts';
import { proveAuditConsistency } from '../../../../use-cases/common/audit/prove-audit-consistency.ts';
import { proveAuditRecord } from '../../../../use-cases/common/audit/prove-audit-record.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import {
  AccessBody,
  AccessSet,
  AuditQuery,
  AuditRecordList,
  AuditVerdict,
  ConsistencyProof,
  ConsistencyQuery,
  CreatedUser,
  CreateUserBody,
  Integration,
  ProofParams,
  ProofQuery,
  RecordProof,
  RolesBody,
  RolesSet,
  UserList,
  UserParams,
} from './admin.schemas.ts';
import { replies } from './shared.schemas.ts';

/** Separated administrator duties: accounts (sys_admin), roles (sec_admin), audit (audit_admin). */
export function adminRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/admin/users',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['admin'], summary: 'Accounts and their roles', response: replies({ 200: UserList }) },
    },
    async (request) => listUsers(deps, signedIn(request)),
  );
  app.post(
    '/api/admin/users',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['admin'],
        summary: 'Open a staff account with one business role (system administrator); 409 DUPLICATE',
        body: CreateUserBody,
        response: replies({ 200: CreatedUser }),
      },
    },
    async (request) => createUser(deps, signedIn(request), request.body),
  );
  app.post(
    '/api/admin/users/:id/access',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['admin'],
        summary: 'Disable, re-enable or unlock an account (system administrator)',
        params: UserParams,
        body: AccessBody,
        response: replies({ 200: AccessSet }),
      },
    },
    async (request) =>
      setUserAccess(deps, signedIn(request), { userId: request.params.id, action: request.body.action }),
  );
  app.put(
    '/api/admin/users/:id/roles',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['admin'],
        summary: "Set a user's roles (security administrator)",
        params: UserParams,
        body: RolesBody,
        response: replies({ 200: RolesSet }),
      },
    },
    async (request) =>
      setUserRoles(deps, signedIn(request), { userId: request.params.id, roles: request.body.roles }),
  );
  app.get(
    '/api/audit',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first (audit administrator)',
        querystring: AuditQuery,
        response: replies({ 200: AuditRecordList }),
      },
    },
    async (request) => listAuditRecords(deps, signedIn(request), request.query),
  );
  app.post(
    '/api/audit/verify',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Check every record, the Merkle log, every signed tree head and their consistency',
        response: replies({ 200: AuditVerdict }),
      },
    },
    async (request) => verifyAuditTrail(deps, signedIn(request)),
  );
  app.post(
    '/api/audit/integrate',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Integrate committed records into the log now and sign a tree head (else every few seconds)',
        response: replies({ 200: Integration }),
      },
    },
    async (request) => integrateAuditNow(deps, signedIn(request)),
  );
  app.get(
    '/api/audit/records/:seq/proof',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Inclusion proof of a record in a signed tree head (the latest by default)',
        params: ProofParams,
        querystring: ProofQuery,
        response: replies({ 200: RecordProof }),
      },
    },
    async (request) =>
      proveAuditRecord(deps, signedIn(request), {
        seq: request.params.seq,
        ...(request.query.treeSize === undefined ? {} : { treeSize: request.query.treeSize }),
      }),
  );
  app.get(
    '/api/audit/consistency',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Consistency proof between two signed tree heads (to the latest by default)',
        querystring: ConsistencyQuery,
        response: replies({ 200: ConsistencyProof }),
      },
    },
    async (request) =>
      proveAuditConsistency(deps, signedIn(request), {
        from: request.query.from,
        ...(request.query.to === undefined ? {} : { to: request.query.to }),
      }),
  );
}
