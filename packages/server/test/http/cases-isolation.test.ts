import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBodies } from '../../src/transport/http/routes/mediation/cases.schemas.ts';
import {
  caseClient,
  caseIn,
  type Headers,
  type JourneyActors,
  journeyActors,
  PDF_BYTES,
} from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('an investor never sees another investor’s case on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let a: JourneyActors;
  let other: Headers;
  let caseId: string;
  let version: number;
  let uploadId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    a = await journeyActors(t);
    other = await t.login('investor2');
    const upload = await api.upload(a.investor, 'secret.pdf', PDF_BYTES);
    uploadId = upload.json().id;
    const c = await caseIn(t, a, 'mediating', { evidenceIds: [uploadId] });
    caseId = c.id;
    version = c.version;
  });
  afterAll(async () => t?.close());

  it('answers 404 for the case, its evidence and its message board', async () => {
    const detail = await api.get(other, `/api/cases/${caseId}`, 'en');
    expect(detail.statusCode).toBe(404);
    expect(detail.json()).toEqual({ code: 'NOT_FOUND', message: 'Case not found.' });
    expect((await api.get(other, `/api/cases/${caseId}`)).json().message).toBe('未找到案件。');
    expect((await api.get(other, `/api/uploads/${uploadId}`)).statusCode).toBe(404);
    expect((await api.post(other, `/api/cases/${caseId}/messages`, { body: '你好' })).statusCode).toBe(404);
    expect((await api.post(other, `/api/cases/${caseId}/record`, { body: '笔录' })).statusCode).toBe(404);
    // Unknown ids look exactly the same as forbidden ones.
    const unknown = await api.get(other, '/api/cases/00000000-0000-0000-0000-000000000000', 'en');
    expect(unknown.json()).toEqual(detail.json());
  });

  it('answers 404 on every event endpoint and changes nothing', async () => {
    const bodies: Record<string, Record<string, unknown>> = {
      'request-supplement': { note: 'x' },
      'respondent-reply': { willing: true },
      refuse: { reasonCode: 'other', note: 'x' },
      'set-track': { track: 'simple' },
      'assign-mediator': { mediatorId: a.mediatorId },
      'choose-mediator': { mediatorId: a.mediatorId },
      recuse: { reason: 'x' },
      fail: { reasonCode: 'other' },
      terminate: { reason: 'x' },
    };
    for (const event of Object.keys(EventBodies)) {
      const res = await api.post(other, `/api/cases/${caseId}/${event}`, {
        expectedVersion: version,
        ...bodies[event],
      });
      expect([403, 404], `${event}: ${res.statusCode}`).toContain(res.statusCode);
    }
    const after = await api.get(a.investor, `/api/cases/${caseId}`);
    expect(after.json().version).toBe(version);
  });

  it('leaves the case out of the other investor’s list but in the owner’s', async () => {
    const list = await api.get(other, '/api/cases?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const own = await api.get(a.investor, '/api/cases?pageSize=100');
    expect(own.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    for (const item of own.json().items) expect(item.applicantName).toMatch(/^\S\*+$/);
  });

  it('reveals the applicant’s personal data only to handling staff, and audits each reveal', async () => {
    const url = `/api/cases/${caseId}/applicant/reveal`;
    expect((await api.post(other, url, {})).statusCode).toBe(404);
    expect((await api.post(a.firm, url, {})).statusCode).toBe(403);
    const revealed = await api.post(a.admin, url, {});
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ name: '张伟', idNumber: '31010119800101123X', phone: '13812345678' });
    expect((await api.post(a.mediator, url, {})).statusCode).toBe(200);
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'pii.reveal')
      .where('target_id', '=', caseId)
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0]?.details).toMatchObject({ fields: ['name', 'idNumber', 'phone'] });
  });

  it('refuses another investor’s upload as evidence', async () => {
    const res = await api.apply(other, { evidenceIds: [uploadId] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('scopes staff: other firms, unassigned mediators and other workstations see nothing', async () => {
    for (const username of ['firm_donghai', 'mediator2', 'ws_sh_admin', 'analyst1']) {
      const headers = await t.login(username);
      expect((await api.get(headers, `/api/cases/${caseId}`)).statusCode, username).toBe(404);
      const list = await api.get(headers, '/api/cases?pageSize=100');
      expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    }
    for (const username of ['firm_huaxin', 'mediator1', 'center_admin', 'regulator1']) {
      const headers = await t.login(username);
      expect((await api.get(headers, `/api/cases/${caseId}`)).statusCode, username).toBe(200);
    }
    // The firm sees the evidence through the case.
    expect((await api.get(a.firm, `/api/uploads/${uploadId}`)).statusCode).toBe(200);
  });
});
