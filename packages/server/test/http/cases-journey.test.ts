import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/adapters/audit/verify-audit-chain.ts';
import { caseClient, type Headers, PDF_BYTES } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('direct-application journey through the API on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let investor: Headers;
  let admin: Headers;
  let firm: Headers;
  let mediator: Headers;
  let mediatorId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    [investor, admin, firm, mediator] = await Promise.all([
      t.login('investor1'),
      t.login('center_admin'),
      t.login('firm_huaxin'),
      t.login('mediator1'),
    ]);
    const me = await api.get(mediator, '/api/me');
    mediatorId = me.json().user.id;
  });
  afterAll(async () => t?.close());

  it('walks submit → register → consult → reply → accept → track → mediator → mediating', async () => {
    const upload = await api.upload(investor, 'contract.pdf', PDF_BYTES);
    expect(upload.statusCode).toBe(200);
    const created = await api.apply(investor, { evidenceIds: [upload.json().id] });
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c.status).toBe('submitted');
    expect(c.caseNumber).toMatch(/^\(\d{4}\)中证调字第\d{6}号$/);
    expect(c.applicantName).toBe('张*');
    expect(c.nextDeadline.kind).toBe('registration');
    expect(c.evidence).toHaveLength(1);
    expect(c.abilities).toContain('withdraw');
    expect(c.timeline.map((e: { event: string }) => e.event)).toEqual(['create', 'submit']);

    const adminView = await api.get(admin, `/api/cases/${c.id}`);
    expect(adminView.json().abilities).toEqual(expect.arrayContaining(['register', 'request-supplement']));

    const steps: Array<[Headers, string, Record<string, unknown>, string]> = [
      [admin, 'register', {}, 'registered'],
      [admin, 'consult-respondent', {}, 'consulting'],
      [firm, 'respondent-reply', { willing: true, note: '同意调解' }, 'consulting'],
      [admin, 'accept', {}, 'accepted'],
      [admin, 'set-track', { track: 'simple' }, 'accepted'],
      [admin, 'assign-mediator', { mediatorId }, 'mediating'],
    ];
    for (const [who, event, body, status] of steps) {
      const res = await api.fire(who, c.id, event, body);
      expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const final = (await api.get(mediator, `/api/cases/${c.id}`)).json();
    expect(final.mediator.id).toBe(mediatorId);
    expect(final.track).toBe('simple');
    expect(final.nextDeadline.kind).toBe('mediation');
    expect(final.abilities).toEqual(expect.arrayContaining(['fail', 'recuse']));

    const message = await api.post(investor, `/api/cases/${c.id}/messages`, { body: '请尽快安排调解。' });
    expect(message.statusCode).toBe(200);
    const record = await api.post(mediator, `/api/cases/${c.id}/record`, { body: '双方到场，陈述事实。' });
    expect(record.statusCode).toBe(200);
    const detail = (await api.get(firm, `/api/cases/${c.id}`)).json();
    expect(detail.messages.map((m: { body: string }) => m.body)).toContain('请尽快安排调解。');
    expect(detail.record).toHaveLength(1);

    const inbox = (await api.get(mediator, '/api/inbox')).json();
    expect(inbox.items.some((i: { caseId: string }) => i.caseId === c.id)).toBe(true);
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'case.create',
      'case.submit',
      'case.register',
      'case.consult-respondent',
      'case.respondent-reply',
      'case.accept',
      'case.set-track',
      'case.assign-mediator',
      'case.record',
    ]);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
