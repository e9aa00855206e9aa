import { matchCourtParties } from '../../mediation/referrals/match-court-parties.ts';
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { blindIndex, encryptField } from '../../../adapters/crypto/sm4.ts';
import type { Deps } from '../../../deps.ts';
import { CURRENT_CONSENTS } from '@sutiao/domain/consents.ts';
import { type AppError, appError, type LocalizedParam } from '@sutiao/domain/errors.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { isValidIdNumber, normalizeIdNumber } from '@sutiao/domain/id-number.ts';
import { assertPasswordAcceptable } from '@sutiao/domain/password-policy.ts';
import { newId } from '../../../lib/ids.ts';
import { loadActor } from './load-actor.ts';
import type { SignInResult } from './sign-in.ts';
import { startSession } from './start-session.ts';

interface RegisterInvestorInput {
  username: string;
  password: string;
  displayName: string;
  idNumber: string;
  phone: string;
  email?: string;
  consentVersion: string;
}

const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Serializes registrations (rare, rate-limited) so the duplicate check and the insert can't interleave.
const REGISTER_LOCK = 7734011;

const invalid = (zh: string, en: string): AppError =>
  appError('VALIDATION_FAILED', { reason: { zh, en } satisfies LocalizedParam });

function validate(input: RegisterInvestorInput) {
  const username = input.username.trim();
  if (!USERNAME.test(username))
    throw invalid('用户名须为 3–32 位字母、数字或 _ . -', 'username must be 3–32 letters, digits, _ . or -');
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > INPUT_LIMITS.displayName)
    throw invalid(
      `姓名须为 1–${INPUT_LIMITS.displayName} 个字符`,
      `name must be 1–${INPUT_LIMITS.displayName} characters`,
    );
  if (!isValidIdNumber(input.idNumber))
    throw invalid(
      '身份证号码须为 18 位（末位可为 X）',
      'ID number must be 18 characters (the last may be X)',
    );
  const phone = input.phone.trim();
  if (!MAINLAND_MOBILE.test(phone))
    throw invalid('手机号码须为 11 位中国大陆手机号', 'phone must be an 11-digit mainland mobile number');
  const email = input.email?.trim() || null;
  if (email && (email.length > INPUT_LIMITS.email || !EMAIL.test(email)))
    throw invalid('电子邮箱格式不正确', 'e-mail address is not valid');
  if (input.consentVersion !== CURRENT_CONSENTS['personal-data'].version)
    throw invalid('请阅读并同意当前版本的个人信息处理授权书', 'accept the current personal-data notice');
  assertPasswordAcceptable(input.password, username);
  return { username, displayName, idNumber: normalizeIdNumber(input.idNumber), phone, email };
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * An investor opens their own account on the mediation platform: an ordinary investor, ID number and phone
 * SM4-encrypted, consent to personal-data processing recorded, and signed in at once. A username or ID number that
 * already has an account is refused with one answer that does not say which.
 */
export async function registerInvestor(
  deps: Deps,
  requestId: string,
  input: RegisterInvestorInput,
): Promise<SignInResult> {
  const fields = validate(input);
  const { dataKeys, blindIndexKey } = deps.keys;
  const idNumberIndex = blindIndex(blindIndexKey, fields.idNumber);
  const passwordHash = await hash(input.password);
  const now = deps.now();
  const userId = newId();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${REGISTER_LOCK})`.execute(trx);
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where((eb) =>
          eb.or([eb('username', '=', fields.username), eb('id_number_index', '=', idNumberIndex)]),
        )
        .executeTakeFirst();
      if (taken) throw appError('DUPLICATE_ACCOUNT');
      await trx
        .insertInto('users')
        .values({
          id: userId,
          username: fields.username,
          display_name: fields.displayName,
          password_hash: passwordHash,
          organization_id: null,
          investor_kind: 'ordinary',
          id_number_enc: encryptField(dataKeys.current, fields.idNumber, 'users.id_number'),
          id_number_index: idNumberIndex,
          phone_enc: encryptField(dataKeys.current, fields.phone, 'users.phone'),
          email: fields.email,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('user_roles')
        .values({ user_id: userId, role: 'investor', granted_by: null })
        .execute();
      await trx
        .insertInto('consents')
        .values({
          id: newId(),
          user_id: userId,
          case_id: null,
          kind: 'personal-data',
          version: input.consentVersion,
          given_at: now,
        })
        .execute();
      // Cases a court referred naming this ID number become this investor's (match-court-parties.ts).
      const matchedCases = await matchCourtParties(trx, userId, idNumberIndex);
      const profile = await loadActor(trx, userId, deps.platform);
      if (!profile) throw appError('INTERNAL');
      const session = await startSession(trx, profile, now);
      await appendAudit(
        trx,
        {
          requestId,
          actorUserId: userId,
          actorRole: 'investor',
          action: 'auth.register',
          targetType: 'user',
          targetId: userId,
          outcome: 'success',
          details: {
            investorKind: 'ordinary',
            consent: { kind: 'personal-data', version: input.consentVersion },
            ...(matchedCases.length > 0 ? { matchedCourtCases: matchedCases } : {}),
          },
        },
        now,
      );
      return { ...session, profile };
    });
  } catch (error) {
    // A concurrent registration on another instance won the unique index.
    if (isUniqueViolation(error)) throw appError('DUPLICATE_ACCOUNT');
    throw error;
  }
}
