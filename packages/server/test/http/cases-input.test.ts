import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationBody,
  caseClient,
  caseIn,
  type JourneyActors,
  journeyActors,
  PDF_BYTES,
} from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('bad input on the case endpoints on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let a: JourneyActors;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    a = await journeyActors(t);
  });
  afterAll(async () => t?.close());

  const counts = async () => ({
    cases: Number(
      (
        await t.deps.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    sequence:
      (
        await t.deps.db
          .selectFrom('case_number_sequences')
          .select('last')
          .where('organization_id', '=', 'org-center')
          .executeTakeFirst()
      )?.last ?? 0,
  });

  it('rejects bad applications with 400 in both languages and writes nothing', async () => {
    const before = await counts();
    const bad: Array<Record<string, unknown>> = [
      { claimAmountFen: 0 },
      { claimAmountFen: -5 },
      { claimAmountFen: 12.5 },
      { claimAmountFen: 'one hundred' },
      { facts: '' },
      { facts: '   ' },
      { requests: 'x'.repeat(2001) },
      { respondentOrgId: 'org-center' },
      { respondentOrgId: 'no-such-firm' },
      { consents: [{ kind: 'online-mediation', version: '2020-01' }] },
      { consents: [{ kind: 'online-mediation', version: '2026-01' }] },
      { consents: [{ kind: 'marketing', version: '2026-01' }] },
      { evidenceIds: ['not-an-upload'] },
      { submit: 'yes' },
      { unexpected: true },
    ];
    for (const override of bad) {
      const zh = await api.post(a.investor, '/api/cases', applicationBody(override));
      expect(zh.statusCode, JSON.stringify(override)).toBe(400);
      expect(zh.json().code).toBe('VALIDATION_FAILED');
      expect(zh.json().message).toMatch(/^提交的信息有误/);
      const en = await api.post(a.investor, '/api/cases', applicationBody(override), 'en');
      expect(en.json().message).toMatch(/^Invalid input/);
    }
    const { respondentOrgId: _, ...missing } = applicationBody();
    expect((await api.post(a.investor, '/api/cases', missing)).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('keeps case numbers gapless across failed submissions', async () => {
    const first = await caseIn(t, a, 'submitted');
    await api.apply(a.investor, { claimAmountFen: 0 });
    await api.apply(a.investor, { consents: [] });
    const second = await caseIn(t, a, 'submitted');
    const seq = (n: string) => Number(/第(\d+)号/.exec(n)?.[1]);
    expect(seq(second.caseNumber)).toBe(seq(first.caseNumber) + 1);
  });

  it('forbids applying to roles without case.apply', async () => {
    const res = await api.apply(a.admin);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('validates every event body', async () => {
    const c = await caseIn(t, a, 'consulting');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['register', {}],
      ['register', { expectedVersion: 'one' }],
      ['register', { expectedVersion: c.version, extra: 1 }],
      ['request-supplement', { expectedVersion: c.version, note: '' }],
      ['respondent-reply', { expectedVersion: c.version, willing: 'yes' }],
      ['refuse', { expectedVersion: c.version, reasonCode: 'no-such-reason', note: 'x' }],
      ['refuse', { expectedVersion: c.version, reasonCode: 'other' }],
      ['set-track', { expectedVersion: c.version, track: 'fast' }],
      ['assign-mediator', { expectedVersion: c.version }],
      ['choose-mediator', { expectedVersion: c.version, mediatorId: '' }],
      ['recuse', { expectedVersion: c.version }],
      ['fail', { expectedVersion: c.version, reasonCode: 'bored' }],
      ['terminate', { expectedVersion: c.version, reason: '' }],
      ['withdraw', { expectedVersion: 0 }],
      ['supplement', { expectedVersion: c.version, evidenceIds: 'x' }],
    ];
    for (const [event, body] of cases) {
      const res = await api.post(a.admin, `/api/cases/${c.id}/${event}`, body, 'en');
      expect(res.statusCode, `${event} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await api.post(a.firm, `/api/cases/${c.id}/messages`, { body: '' })).statusCode).toBe(400);
    expect((await api.post(a.firm, `/api/cases/${c.id}/messages`, {})).statusCode).toBe(400);
    expect(
      (await api.post(a.mediator, `/api/cases/${c.id}/record`, { body: 'x'.repeat(5001) })).statusCode,
    ).toBe(400);
    expect((await api.get(a.investor, '/api/cases?page=0')).statusCode).toBe(400);
    expect((await api.get(a.investor, '/api/cases?pageSize=1000')).statusCode).toBe(400);
    expect((await api.get(a.investor, '/api/organizations?kind=court')).statusCode).toBe(400);
    expect((await api.get(a.investor, `/api/cases/${c.id}`)).json().version).toBe(c.version);
  });

  it('filters and pages the list', async () => {
    const page = await api.get(a.admin, '/api/cases?status=consulting&page=1&pageSize=2');
    expect(page.statusCode).toBe(200);
    expect(page.json().items.length).toBeLessThanOrEqual(2);
    for (const item of page.json().items) expect(item.status).toBe('consulting');
    expect(page.json().total).toBeGreaterThanOrEqual(page.json().items.length);
  });

  it('checks uploads by content: 415 for other types, 413 past 10 MB, one stored file per content', async () => {
    const text = await api.upload(
      a.investor,
      'fake.pdf',
      Buffer.from('just text, not a PDF'),
      'application/pdf',
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const big = await api.upload(
      a.investor,
      'big.pdf',
      Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('UPLOAD_TOO_LARGE');
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { ...a.investor, 'content-type': 'application/json' },
      payload: {},
    });
    expect(empty.statusCode).toBe(400);

    const lying = await api.upload(a.investor, 'scan.jpg', PDF_BYTES, 'image/jpeg');
    expect(lying.json().mime).toBe('application/pdf');
    const again = await api.upload(a.firm, 'copy.pdf', PDF_BYTES);
    expect(again.json().sha256).toBe(lying.json().sha256);
    const sha = lying.json().sha256 as string;
    // Stored once under its hash (the file-system layout itself is covered by the FileStore contract tests).
    expect(await t.deps.storage.size(sha)).toBe(PDF_BYTES.length);
    const download = await api.get(a.investor, `/api/uploads/${lying.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF_BYTES)).toBe(true);
  });

  it('documents every case endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/cases',
      '/api/cases/{id}',
      '/api/cases/{id}/accept',
      '/api/uploads',
      '/api/mediators',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('serves the directory: firms, mediation organizations, roster, consents', async () => {
    const firms = (await api.get(a.investor, '/api/organizations?kind=firm')).json().items;
    expect(firms.every((o: { kind: string }) => o.kind === 'firm')).toBe(true);
    expect(firms.find((o: { id: string }) => o.id === 'firm-huaxin')).toMatchObject({
      firmType: 'securities',
    });
    const roster = (await api.get(a.investor, '/api/mediators?organizationId=org-center')).json().items;
    expect(roster.find((m: { id: string }) => m.id === a.mediatorId)).toMatchObject({
      organizationName: '中证资本市场法律服务中心',
      workstation: '上海工作站',
    });
    expect(roster[0].specialties.length).toBeGreaterThan(0);
    const consents = await t.app.inject({ url: '/api/consents/current' });
    expect(consents.statusCode).toBe(200);
    expect(consents.json().items.map((c: { kind: string }) => c.kind)).toEqual([
      'online-mediation',
      'personal-data',
    ]);
  });
});
