import { generateSigner } from '../../src/adapters/crypto/signer.ts';
import { trustedKey } from '../../src/adapters/signing/trusted-key.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLeafHash, verifyConsistency, verifyInclusion } from '../../src/adapters/audit/merkle-tree.ts';
import { verifyTreeHead } from '../../src/adapters/audit/tree-head.ts';
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

  it('integrates on request and serves inclusion and consistency proofs that verify, and wrong ones that do not', async () => {
    const audit = await t.login('m_auditadmin');
    const first = await t.app.inject({ method: 'POST', url: '/api/audit/integrate', headers: audit });
    expect(first.statusCode).toBe(200);
    const firstSize = first.json().treeSize as number;
    expect(firstSize).toBeGreaterThan(0);
    await t.login('investor1'); // more records (the sign-in), then a second head
    const second = (
      await t.app.inject({ method: 'POST', url: '/api/audit/integrate', headers: audit })
    ).json();
    expect(second.treeSize).toBeGreaterThan(firstSize);

    const list = (await t.app.inject({ url: '/api/audit?limit=500', headers: audit })).json();
    const record = list.items.find((r: { logIndex: number | null }) => r.logIndex === 1);
    expect(record).toBeDefined();
    const answer = await t.app.inject({ url: `/api/audit/records/${record.seq}/proof`, headers: audit });
    expect(answer.statusCode).toBe(200);
    const p = answer.json();
    expect(p).toMatchObject({ seq: record.seq, logIndex: 1, head: { treeSize: second.treeSize } });
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(p.leafHash).toBe(auditLeafHash(record.seq, record.hash).toString('hex'));
    const root = hex(p.head.rootHash);
    expect(verifyTreeHead(p.head, t.deps.keys.signer)).toBe(true);
    // The same key written with other line endings is the same key (by fingerprint); another key is not.
    const rewrapped = trustedKey(
      t.deps.keys.signer.publicKeyPem.replaceAll('\n', '\r\n'),
      t.deps.keys.signer.algorithm,
    );
    expect(verifyTreeHead(p.head, rewrapped)).toBe(true);
    expect(verifyTreeHead(p.head, generateSigner('SM2'))).toBe(false);
    expect(verifyInclusion(1, p.head.treeSize, hex(p.leafHash), p.proof.map(hex), root)).toBe(true);
    expect(verifyInclusion(0, p.head.treeSize, hex(p.leafHash), p.proof.map(hex), root)).toBe(false);
    const bent = [...p.proof.map(hex)];
    bent[0] = Buffer.alloc(32);
    expect(verifyInclusion(1, p.head.treeSize, hex(p.leafHash), bent, root)).toBe(false);
    // In the first head too.
    const older = (
      await t.app.inject({
        url: `/api/audit/records/${record.seq}/proof?treeSize=${firstSize}`,
        headers: audit,
      })
    ).json();
    expect(
      verifyInclusion(1, firstSize, hex(older.leafHash), older.proof.map(hex), hex(older.head.rootHash)),
    ).toBe(true);

    const c = (
      await t.app.inject({ url: `/api/audit/consistency?from=${firstSize}`, headers: audit })
    ).json();
    expect(c.from.treeSize).toBe(firstSize);
    expect(c.to.treeSize).toBe(second.treeSize);
    const args = [firstSize, second.treeSize, hex(c.from.rootHash), hex(c.to.rootHash)] as const;
    expect(verifyConsistency(...args, c.proof.map(hex))).toBe(true);
    expect(verifyConsistency(...args, c.proof.slice(1).map(hex))).toBe(false);
    expect(
      verifyConsistency(firstSize, second.treeSize, hex(c.to.rootHash), hex(c.to.rootHash), c.proof.map(hex)),
    ).toBe(false);
  });

  it('answers unknown heads and records with NOT_FOUND and backwards ranges with VALIDATION_FAILED, in zh and en', async () => {
    const audit = await t.login('m_auditadmin');
    const missing = await t.app.inject({ url: '/api/audit/records/99999999/proof', headers: audit });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('审计记录') });
    const head = await t.app.inject({
      url: '/api/audit/consistency?from=99999999',
      headers: { ...audit, 'accept-language': 'en' },
    });
    expect(head.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Signed tree head not found.' });
    const sizes = (
      await t.deps.db.selectFrom('audit_tree_heads').select('tree_size').orderBy('tree_size').execute()
    ).map((h) => h.tree_size);
    const backwards = await t.app.inject({
      url: `/api/audit/consistency?from=${sizes.at(-1)}&to=${sizes[0]}`,
      headers: { ...audit, 'accept-language': 'en' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().code).toBe('VALIDATION_FAILED');
    const investor = await t.login('investor1');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/audit/integrate', headers: investor })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/audit/consistency?from=1', headers: investor })).statusCode).toBe(
      403,
    );
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
    const verifications = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'audit.verify')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(verifications.details).toMatchObject({ ok: false, brokenSeq: victim });
  });

  it('refuses updates and deletes on the audit table', async () => {
    await expect(sql`delete from audit_log where seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
