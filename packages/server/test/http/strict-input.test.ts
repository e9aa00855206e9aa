import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/adapters/audit/audit-log.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import {
  caseClient,
  caseIn,
  type JourneyActors,
  journeyActors,
  multipart,
} from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('strict input at the boundary on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let a: JourneyActors;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    a = await journeyActors(t);
  });
  afterAll(async () => t?.close());

  const count = async (table: 'cases' | 'audit_log' | 'users') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A JSON body written by hand, so it can hold escapes JSON.stringify would never produce from valid text. */
  const rawJson = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
      payload: body,
    });

  it('takes body values as sent: true is not 1 fen, nothing is created', async () => {
    const before = await count('cases');
    const res = await api.apply(a.investor, { claimAmountFen: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const asText = await api.apply(a.investor, { claimAmountFen: '1234' });
    expect(asText.statusCode).toBe(400);
    expect(await count('cases')).toBe(before);
  });

  it('takes body values as sent: null is not an unwilling reply', async () => {
    const c = await caseIn(t, a, 'consulting');
    const res = await api.post(a.firm, `/api/cases/${c.id}/respondent-reply`, {
      expectedVersion: c.version,
      willing: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const after = await api.get(a.firm, `/api/cases/${c.id}`);
    expect(after.json()).toMatchObject({ status: 'consulting', version: c.version });
  });

  it('still reads numbers in query strings', async () => {
    const res = await api.get(a.investor, '/api/cases?page=1&pageSize=5');
    expect(res.statusCode).toBe(200);
  });

  it('refuses an unpaired surrogate in a sign-in username before it is audited; the chain stays intact', async () => {
    const records = await count('audit_log');
    for (const lang of ['en', 'zh-CN']) {
      const res = await rawJson('/api/auth/login', '{"username":"x\\ud800y","password":"guess-123456"}', {
        'accept-language': lang,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'INPUT_TEXT_INVALID',
        message:
          lang === 'en'
            ? 'Invalid characters in body/username: text must be valid UTF-8, without NUL characters or unpaired surrogates.'
            : '提交的内容含有无效字符（body/username）：文本须为有效的 UTF-8，不得含 NUL 字符或不成对的代理项。',
      });
    }
    expect(await count('audit_log')).toBe(records);
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });

  it('keeps the chain intact when text of that kind reaches the audit log by any other way', async () => {
    await appendAudit(t.deps.db, {
      action: 'auth.login',
      outcome: 'failure',
      targetType: 'username',
      targetId: 'lone\ud800high',
      details: { name: 'low\udc00\u0000', 'key\udbff': ['\ud83d'] },
    });
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });

  it('refuses NUL in a body string, a key and invalid UTF-8 bytes, and stores nothing', async () => {
    const users = await count('users');
    const register = (displayName: string) =>
      `{"username":"nul-${Math.random().toString(16).slice(2, 8)}","password":"Aa1!aaaaaaaa","displayName":"${displayName}","idNumber":"110101199003078515","phone":"13800138000","consentVersion":"2026-01"}`;
    const nul = await rawJson('/api/auth/register', register('a\\u0000b'));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().code).toBe('INPUT_TEXT_INVALID');
    const key = await rawJson('/api/auth/login', '{"username":"a","password":"b","\\u0000":1}');
    expect(key.json().code).toBe('INPUT_TEXT_INVALID');
    const bytes = Buffer.concat([
      Buffer.from(register('')).subarray(0, 40),
      Buffer.from([0xed, 0xa0, 0x80]), // a surrogate encoded as UTF-8: not valid UTF-8
      Buffer.from(register('').slice(40)),
    ]);
    const invalid = await rawJson('/api/auth/register', bytes);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toEqual({
      code: 'INPUT_TEXT_INVALID',
      message:
        'Invalid characters in body: text must be valid UTF-8, without NUL characters or unpaired surrogates.',
    });
    expect(await count('users')).toBe(users);
  });

  it('refuses NUL and unpaired surrogates in query strings and paths', async () => {
    const query = await t.app.inject({ url: '/api/cases?q=a%00b', headers: a.investor });
    expect(query.statusCode).toBe(400);
    expect(query.json().code).toBe('INPUT_TEXT_INVALID');
    const path = await t.app.inject({ url: '/api/cases/a%00b', headers: a.investor });
    expect(path.statusCode).toBe(400);
    expect(path.json().code).toBe('INPUT_TEXT_INVALID');
    // Not UTF-8 at all once decoded: the router refuses it before any route, in the same shape.
    const bytes = await t.app.inject({
      url: '/api/cases/%ed%a0%80',
      headers: { ...a.investor, 'accept-language': 'en' },
    });
    expect(bytes.statusCode).toBe(400);
    expect(bytes.json()).toEqual({
      code: 'INPUT_TEXT_INVALID',
      message:
        'Invalid characters in path: text must be valid UTF-8, without NUL characters or unpaired surrogates.',
    });
    const long = await t.app.inject({ url: `/api/cases/${'a'.repeat(101)}`, headers: a.investor });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses numbers no field can hold', async () => {
    for (const amount of ['1e400', '9007199254740993', '-1e309']) {
      const res = await rawJson('/api/cases', `{"claimAmountFen":${amount}}`, a.investor);
      expect(res.statusCode, amount).toBe(400);
      expect(res.json().code, amount).toBe('INPUT_NUMBER_OUT_OF_RANGE');
    }
  });

  it('answers a malformed multipart body with 400 MULTIPART_MALFORMED', async () => {
    const upload = (contentType: string, payload: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { ...a.investor, 'content-type': contentType, 'accept-language': 'en' },
        payload,
      });
    const form = multipart('a.pdf', Buffer.from('%PDF-1.4\n'));
    const cutOff = await upload(form.contentType, form.payload.subarray(0, form.payload.length - 30));
    expect(cutOff.statusCode).toBe(400);
    expect(cutOff.json()).toEqual({
      code: 'MULTIPART_MALFORMED',
      message: 'The upload form is malformed; choose the file and upload again.',
    });
    const noBoundary = await upload('multipart/form-data', form.payload);
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().code).toBe('MULTIPART_MALFORMED');
    const nulName = multipart('a\u0000.pdf', Buffer.from('%PDF-1.4\n'));
    const named = await upload(nulName.contentType, nulName.payload);
    expect(named.statusCode).toBe(400);
    expect(named.json().code).toBe('INPUT_TEXT_INVALID');
  });
});
