import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { listAuditRecords } from '../../../../use-cases/common/admin/list-audit-records.ts';
import { listUsers } from '../../../../use-cases/common/admin/list-users.ts';
import { setUserRoles } from '../../../../use-cases/common/admin/set-user-roles.ts';
import { verifyAuditTrail } from '../../../../use-cases/common/admin/verify-audit-trail.ts';
import { signedIn } from '../../request-context.ts';

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Type.String({ maxLength: 64 })),
  targetId: Type.Optional(Type.String({ maxLength: 200 })),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
const RolesBody = Type.Object(
  { roles: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 13 }) },
  { additionalProperties: false },
);
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ChainVerdict = Type.Object({
  ok: Type.Boolean(),
  records: Type.Integer(),
  lastHash: Type.Optional(Type.String()),
  brokenSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});

/** Separated administrator duties: accounts (sys_admin), roles (sec_admin), audit (audit_admin). */
export function adminRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/admin/users',
    { config: { access: 'signed-in' }, schema: { tags: ['admin'], summary: 'Accounts and their roles' } },
    async (request) => listUsers(deps, signedIn(request)),
  );
  app.put<{ Params: Static<typeof UserParams>; Body: Static<typeof RolesBody> }>(
    '/api/admin/users/:id/roles',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['admin'],
        summary: "Set a user's roles (security administrator)",
        params: UserParams,
        body: RolesBody,
      },
    },
    async (request) =>
      setUserRoles(deps, signedIn(request), { userId: request.params.id, roles: request.body.roles }),
  );
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/api/audit',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first (audit administrator)',
        querystring: AuditQuery,
      },
    },
    async (request) => listAuditRecords(deps, signedIn(request), request.query),
  );
  app.post(
    '/api/audit/verify',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['audit'], summary: 'Re-compute the SM3 hash chain', response: { 200: ChainVerdict } },
    },
    async (request) => verifyAuditTrail(deps, signedIn(request)),
  );
}
