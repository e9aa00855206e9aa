import { hash } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { type AppError, appError } from '@sutiao/domain/errors.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { assertPasswordAcceptable } from '@sutiao/domain/password-policy.ts';
import { assertRolesOnPlatform, isAdminRole, isRole, type Role } from '@sutiao/domain/roles.ts';
import { newId } from '../../../lib/ids.ts';
import { requirePermission } from '../require-permission.ts';

interface CreateUserInput {
  username: string;
  displayName: string;
  organizationId: string | null;
  role: string;
  email?: string;
}

const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;
// Read off a screen and typed once: no 0/O, 1/l/I.
const PASSWORD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

const invalid = (zh: string, en: string): AppError => appError('VALIDATION_FAILED', { reason: { zh, en } });

/** A one-time initial password that meets the policy (upper, lower, digit, symbol; 14 characters). */
function initialPassword(): string {
  let body = '';
  for (let i = 0; i < 11; i++) body += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return `${body}#${randomInt(10)}Aa`;
}

/**
 * The system administrator opens an account for staff (organization staff, mediators, analysts, the regulator) with
 * one business role. Administrator duties are granted by the security administrator only (separation of duties).
 * The initial password is returned once, to be handed to the person, who changes it after signing in.
 */
export async function createUser(deps: Deps, ctx: SignedInContext, input: CreateUserInput) {
  requirePermission(ctx, 'user.manage');
  const username = input.username.trim();
  if (!USERNAME.test(username))
    throw invalid('用户名须为 3–32 位字母、数字或 _ . -', 'username must be 3–32 letters, digits, _ . or -');
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || [...displayName].length > INPUT_LIMITS.displayName)
    throw invalid(
      `姓名须为 1–${INPUT_LIMITS.displayName} 个字符`,
      `name must be 1–${INPUT_LIMITS.displayName} characters`,
    );
  if (!isRole(input.role) || isAdminRole(input.role))
    throw invalid('请选择一个业务角色（管理员职责由安全管理员授予）', 'choose one business role');
  const role: Role = input.role;
  assertRolesOnPlatform([role], deps.platform);
  const email = input.email?.trim() || null;
  const password = initialPassword();
  assertPasswordAcceptable(password, username);
  const passwordHash = await hash(password);
  const userId = newId();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (input.organizationId) {
      const org = await trx
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', input.organizationId)
        .executeTakeFirst();
      if (!org) throw invalid('所选机构不存在', 'unknown organization');
    }
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken) throw appError('DUPLICATE', { entity: { zh: '用户名', en: 'Username' } });
    await trx
      .insertInto('users')
      .values({
        id: userId,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        organization_id: input.organizationId,
        investor_kind: null,
        id_number_enc: null,
        id_number_index: null,
        phone_enc: null,
        email,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role, granted_by: ctx.actor.userId })
      .execute();
    await appendAudit(
      trx,
      {
        requestId: ctx.requestId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actorRole ?? null,
        action: 'user.create',
        targetType: 'user',
        targetId: userId,
        outcome: 'success',
        details: { username, role, organizationId: input.organizationId },
      },
      now,
    );
  });
  return { id: userId, username, initialPassword: password };
}
