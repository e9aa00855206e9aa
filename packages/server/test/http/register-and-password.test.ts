import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { caseClient, type Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, randomSuffix, type TestApp } from '../support/test-platform.ts';

const PASSWORD = 'Blue-Harbour-77';
const NEW_PASSWORD = 'Quiet-River-2031';

function registration(overrides: Record<string, unknown> = {}) {
  const suffix = randomSuffix();
  return {
    username: `inv_${suffix}`,
    password: PASSWORD,
    displayName: '赵新民',
    idNumber: `3301061990${String(Number.parseInt(suffix, 16) % 10_000_000).padStart(7, '0')}x`,
    phone: '13912345678',
    consentVersion: '2026-01',
    ...overrides,
  };
}

const headersOf = (res: {
  cookies: { name: string; value: string }[];
  json: () => { csrfToken: string };
}) => ({
  cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
  'x-csrf-token': res.json().csrfToken,
});

describe.each(ENGINES)('investor self-registration and password change on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
  });
  afterAll(async () => t?.close());

  const register = (body: Record<string, unknown>, lang = 'zh-CN') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'accept-language': lang },
      payload: body,
    });
  const userCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('registers an ordinary investor, signs them in, and lets them apply and see only their own cases', async () => {
    const body = registration();
    const res = await register(body);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sutiao_mediation_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = res.json();
    expect(me.user).toMatchObject({ username: body.username, displayName: '赵新民', roles: ['investor'] });
    expect(me.permissions).toContain('case.apply');
    const headers = headersOf(res);
    expect((await t.app.inject({ url: '/api/me', headers })).json().user.username).toBe(body.username);

    const applied = await api.apply(headers);
    expect(applied.statusCode).toBe(200);
    const list = await api.get(headers, '/api/cases');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([applied.json().id]);

    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', body.username)
      .executeTakeFirstOrThrow();
    expect(row.investor_kind).toBe('ordinary');
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    // the blind index is hex and may hold a run of digits by chance: look for the number itself
    expect(JSON.stringify(row)).not.toContain(body.idNumber.slice(0, 17));
    expect(row.id_number_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('13912345678');
    const consents = await t.deps.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', row.id)
      .where('case_id', 'is', null)
      .execute();
    expect(consents).toMatchObject([{ kind: 'personal-data', version: '2026-01', case_id: null }]);

    // Staff listings show the applicant masked and never the ID number or phone.
    const center = await t.login('center_admin');
    const staffList = await api.get(center, '/api/cases?pageSize=100');
    const text = staffList.body;
    expect(text).not.toContain(body.idNumber.slice(0, 17));
    expect(text).not.toContain('13912345678');
    expect(text).toContain('赵**');
    expect(text).not.toContain('赵新民');
  });

  it.each([
    [
      'weak password',
      { password: 'password123' },
      'PASSWORD_TOO_WEAK',
      '密码强度不足：过于常见',
      'too common',
    ],
    [
      'password with the username',
      { username: 'zhao_min', password: 'xZhao_Min-9' },
      'PASSWORD_TOO_WEAK',
      '不得包含用户名',
      'username',
    ],
    ['short username', { username: 'ab' }, 'VALIDATION_FAILED', '用户名', 'username'],
    ['bad ID number', { idNumber: '12345' }, 'VALIDATION_FAILED', '身份证号码', 'ID number'],
    ['bad phone', { phone: '12012345678' }, 'VALIDATION_FAILED', '手机号码', 'mobile'],
    ['outdated consent', { consentVersion: '2020-01' }, 'VALIDATION_FAILED', '个人信息', 'personal-data'],
  ])('refuses a %s with a stable code in zh and en, writing nothing', async (_, override, code, zh, en) => {
    const before = await userCount();
    const body = registration(override);
    const resZh = await register(body);
    expect(resZh.statusCode).toBe(400);
    expect(resZh.json().code).toBe(code);
    expect(resZh.json().message).toContain(zh);
    const resEn = await register(body, 'en');
    expect(resEn.json().code).toBe(code);
    expect(resEn.json().message).toContain(en);
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate username or ID number with one answer that does not say which', async () => {
    const first = registration();
    expect((await register(first)).statusCode).toBe(200);
    const before = await userCount();
    const sameName = await register(registration({ username: first.username }));
    const sameId = await register(registration({ idNumber: first.idNumber.toUpperCase() }));
    const demoId = await register(registration({ idNumber: '31010119800101123X' }), 'en');
    for (const res of [sameName, sameId]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ code: 'DUPLICATE_ACCOUNT', message: '用户名或证件号已被注册。' });
    }
    expect(demoId.json()).toEqual({
      code: 'DUPLICATE_ACCOUNT',
      message: 'The username or ID number is already registered.',
    });
    expect(await userCount()).toBe(before);
  });

  it('changes the password, signs out every other session but this one, and audits it', async () => {
    const body = registration();
    const current = headersOf(await register(body));
    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: body.username, password },
      });
    const otherRes = await login(PASSWORD);
    expect(otherRes.statusCode).toBe(200);
    const other: Headers = headersOf(otherRes);
    const change = (headers: Headers, payload: Record<string, string>, lang = 'zh-CN') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { ...headers, 'accept-language': lang },
        payload,
      });

    const wrong = await change(
      current,
      { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD },
      'en',
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('PASSWORD_INCORRECT');
    const failures = await t.deps.db
      .selectFrom('login_failures')
      .select('consecutive')
      .where('username', '=', body.username)
      .executeTakeFirstOrThrow();
    expect(failures.consecutive).toBe(1);
    const weak = await change(current, { currentPassword: PASSWORD, newPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');

    const ok = await change(current, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: other })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: current })).statusCode).toBe(200);
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.target_id')
      .select(['audit_log.action', 'audit_log.outcome'])
      .where('users.username', '=', body.username)
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'auth.register', outcome: 'success' },
        { action: 'auth.password-changed', outcome: 'success' },
      ]),
    );
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });

  it('lets a demo user change their password on the court platform, where registration does not exist', async () => {
    const court = await createTestApp(engine, 'court');
    try {
      const res = await court.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: registration(),
      });
      expect(res.statusCode).toBe(404);
      const headers = await court.login('sh74_judge');
      const change = await court.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: 'Sutiao#2026', newPassword: NEW_PASSWORD },
      });
      expect(change.statusCode).toBe(204);
      await expect(court.login('sh74_judge', NEW_PASSWORD)).resolves.toBeTruthy();
    } finally {
      await court.close();
    }
  });
});
