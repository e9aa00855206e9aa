import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('separated administrator duties and the audit trail on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const userId = async (username: string) =>
    (
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;

  it('lets the security administrator set roles, and refuses to join administrator duties', async () => {
    const sec = await t.login('m_secadmin');
    const target = await userId('mediator3');
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target}/roles`,
      headers: sec,
      payload: { roles: ['mediator', 'loss_analyst'] },
    });
    expect(ok.statusCode).toBe(200);
    const me = await t.login('mediator3');
    const perms = (await t.app.inject({ url: '/api/me', headers: me })).json().permissions;
    expect(perms).toContain('loss.assess');

    const conflict = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${await userId('m_sysadmin')}/roles`,
      headers: { ...sec, 'accept-language': 'en' },
      payload: { roles: ['sys_admin', 'audit_admin'] },
    });
    expect(conflict.statusCode).toBe(403);
    expect(conflict.json().code).toBe('ROLE_CONFLICT');
  });

  it('refuses roles of the other platform, unknown roles and self-escalation', async () => {
    const sec = await t.login('m_secadmin');
    const target = await userId('mediator2');
    const judge = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target}/roles`,
      headers: sec,
      payload: { roles: ['judge'] },
    });
    expect(judge.json().code).toBe('VALIDATION_FAILED');
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target}/roles`,
      headers: sec,
      payload: { roles: ['emperor'] },
    });
    expect(unknown.statusCode).toBe(400);
    const self = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${await userId('m_secadmin')}/roles`,
      headers: sec,
      payload: { roles: ['sec_admin', 'org_admin'] },
    });
    expect(self.statusCode).toBe(403);
    const roles = await t.deps.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', target)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['mediator']);
  });

  it('keeps the audit trail from the system and security administrators, and audits the denial', async () => {
    for (const username of ['m_sysadmin', 'm_secadmin', 'investor1']) {
      const headers = await t.login(username);
      expect((await t.app.inject({ url: '/api/audit', headers })).statusCode).toBe(403);
    }
    const denials = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .where('action', 'like', 'GET /api/audit%')
      .execute();
    expect(denials.length).toBe(3);
  });

  it('lets the audit administrator read and verify the chain, and detects a tampered record', async () => {
    const audit = await t.login('m_auditadmin');
    const list = (await t.app.inject({ url: '/api/audit?action=user.roles.set', headers: audit })).json();
    expect(list.items.length).toBeGreaterThan(0);
    const intact = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: audit });
    expect(intact.json().ok).toBe(true);

    const victim = list.items[0].seq as number;
    // An attacker with table-owner rights disables the append-only trigger and rewrites history.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.deps.db);
    await sql`update audit_log set details = '{"after":["org_admin"]}' where seq = ${victim}`.execute(
      t.deps.db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.deps.db);
    const broken = (await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: audit })).json();
    expect(broken).toMatchObject({ ok: false, brokenSeq: victim, reason: 'hash-mismatch' });
  });

  it('refuses updates and deletes on the audit table', async () => {
    await expect(sql`delete from audit_log where seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
