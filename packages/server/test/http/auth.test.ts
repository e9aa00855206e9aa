import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('sign-in, sessions and CSRF on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string, lang = 'zh-CN') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': lang },
      payload: { username, password },
    });

  it('reports health with platform and database engine', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', platform: 'mediation', database: engine });
  });

  it('signs in with an HttpOnly SameSite=Strict cookie and returns permissions', async () => {
    const res = await login('investor1', 'Sutiao#2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sutiao_mediation_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user.roles).toEqual(['investor']);
    expect(body.permissions).toContain('case.apply');
    expect(body.permissions).not.toContain('case.register');
  });

  it('answers unknown user and wrong password identically', async () => {
    const unknown = await login('no-such-user', 'whatever-123', 'en');
    const wrong = await login('investor2', 'wrong-password-1', 'en');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toEqual({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Incorrect username or password.',
    });
  });

  it('locks after 5 consecutive failures for 15 minutes, then lets the right password in', async () => {
    for (let i = 0; i < 5; i++) expect((await login('investor3', `bad-password-${i}`)).statusCode).toBe(401);
    const locked = await login('investor3', 'Sutiao#2026');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_LOCKED');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login('investor3', 'Sutiao#2026')).statusCode).toBe(200);
  });

  it('locks unknown usernames the same way, so lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await login('ghost-user', `bad-password-${i}`);
    expect((await login('ghost-user', 'anything-123')).statusCode).toBe(423);
  });

  it('requires the CSRF token on state changes and kills the session on sign-out', async () => {
    const headers = await t.login('mediator1');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_INVALID');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/me', headers });
    expect(me.statusCode).toBe(401);
  });

  it('expires staff sessions after 15 idle minutes and investors after 30', async () => {
    const staff = await t.login('center_admin');
    const investor = await t.login('investor2');
    t.clock.advance(16 * 60_000);
    expect((await t.app.inject({ url: '/api/me', headers: staff })).json().code).toBe('AUTH_SESSION_EXPIRED');
    expect((await t.app.inject({ url: '/api/me', headers: investor })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.app.inject({ url: '/api/me', headers: investor })).statusCode).toBe(401);
  });

  it('expires every session 12 hours after sign-in even when active', async () => {
    const investor = await t.login('investor1');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      const res = await t.app.inject({ url: '/api/me', headers: investor });
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('rejects malformed bodies with VALIDATION_FAILED in the requested language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toMatch(/password/);
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/me']),
    );
  });

  it('audits sign-ins and failures in an intact SM3 chain', async () => {
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'outcome']).execute();
    expect(rows.filter((r) => r.action === 'auth.sign-in' && r.outcome === 'failure').length).toBeGreaterThan(
      5,
    );
    expect(rows.some((r) => r.action === 'auth.sign-in' && r.outcome === 'success')).toBe(true);
    const verdict = await auditVerdictAfterIntegration(t.deps);
    expect(verdict.ok).toBe(true);
  });
});
