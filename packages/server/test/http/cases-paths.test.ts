import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
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

describe.each(ENGINES)('lifecycle A paths through the API on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let a: JourneyActors;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    a = await journeyActors(t);
  });
  afterAll(async () => t?.close());

  it('walks submit → register → consult → reply → accept → track → mediator → mediating', async () => {
    const upload = await api.upload(a.investor, 'contract.pdf', PDF_BYTES);
    expect(upload.statusCode).toBe(200);
    const created = await api.apply(a.investor, { evidenceIds: [upload.json().id] });
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c.status).toBe('submitted');
    expect(c.caseNumber).toMatch(/^\(\d{4}\)中证调字第\d{6}号$/);
    expect(c.applicantName).toBe('张*');
    expect(c.nextDeadline.kind).toBe('registration');
    expect(c.evidence).toHaveLength(1);
    expect(c.abilities).toContain('withdraw');
    expect(c.timeline.map((e: { event: string }) => e.event)).toEqual(['create', 'submit']);

    const adminView = await api.get(a.admin, `/api/cases/${c.id}`);
    expect(adminView.json().abilities).toEqual(expect.arrayContaining(['register', 'request-supplement']));

    const steps: Array<[Headers, string, Record<string, unknown>, string]> = [
      [a.admin, 'register', {}, 'registered'],
      [a.admin, 'consult-respondent', {}, 'consulting'],
      [a.firm, 'respondent-reply', { willing: true, note: '同意调解' }, 'consulting'],
      [a.admin, 'accept', {}, 'accepted'],
      [a.admin, 'set-track', { track: 'simple' }, 'accepted'],
      [a.admin, 'assign-mediator', { mediatorId: a.mediatorId }, 'mediating'],
    ];
    for (const [who, event, body, status] of steps) {
      const res = await api.fire(who, c.id, event, body);
      expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const final = (await api.get(a.mediator, `/api/cases/${c.id}`)).json();
    expect(final.mediator.id).toBe(a.mediatorId);
    expect(final.track).toBe('simple');
    expect(final.nextDeadline.kind).toBe('mediation');
    expect(final.abilities).toEqual(expect.arrayContaining(['fail', 'recuse']));

    const message = await api.post(a.investor, `/api/cases/${c.id}/messages`, { body: '请尽快安排调解。' });
    expect(message.statusCode).toBe(200);
    const record = await api.post(a.mediator, `/api/cases/${c.id}/record`, { body: '双方到场，陈述事实。' });
    expect(record.statusCode).toBe(200);
    const detail = (await api.get(a.firm, `/api/cases/${c.id}`)).json();
    expect(detail.messages.map((m: { body: string }) => m.body)).toContain('请尽快安排调解。');
    expect(detail.record).toHaveLength(1);

    const inbox = (await api.get(a.mediator, '/api/notices')).json();
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
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });

  it('fails mediation with a coded reason and undisputed facts', async () => {
    const c = await caseIn(t, a, 'mediating');
    const res = await api.post(a.mediator, `/api/cases/${c.id}/fail`, {
      expectedVersion: c.version,
      reasonCode: 'amount-gap',
      undisputedFacts: '双方确认申请人于2025年5月认购该产品。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'failed',
      failureReason: 'amount-gap',
      undisputedFacts: '双方确认申请人于2025年5月认购该产品。',
      nextDeadline: null,
      abilities: [],
    });
  });

  it('lets the applicant withdraw and the organization terminate', async () => {
    const w = await caseIn(t, a, 'registered');
    const withdrawn = await api.post(a.investor, `/api/cases/${w.id}/withdraw`, {
      expectedVersion: w.version,
      reason: '已与被申请人自行和解',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', closingReason: '已与被申请人自行和解' });

    const x = await caseIn(t, a, 'accepted');
    const terminated = await api.post(a.admin, `/api/cases/${x.id}/terminate`, {
      expectedVersion: x.version,
      reason: '申请人失联',
    });
    expect(terminated.statusCode).toBe(200);
    expect(terminated.json().status).toBe('terminated');
    const investorTries = await api.post(a.investor, `/api/cases/${x.id}/withdraw`, {
      expectedVersion: terminated.json().version,
    });
    expect(investorTries.statusCode).toBe(409);
    expect(investorTries.json().code).toBe('CASE_ILLEGAL_EVENT');
  });

  it('refuses (不予受理) with a coded reason where the law allows it', async () => {
    // A professional investor against a futures firm: "respondent unwilling" is a valid ground.
    const pro = await journeyActors(t, 'investor3');
    const c = await caseIn(t, pro, 'consulting', { respondentOrgId: 'firm-donghai-fut' });
    const firm = await t.login('firm_donghai');
    const reply = await api.fire(firm, c.id, 'respondent-reply', { willing: false, note: '不同意调解' });
    expect(reply.statusCode).toBe(200);
    const accept = await api.fire(a.admin, c.id, 'accept');
    expect(accept.statusCode).toBe(422);
    expect(accept.json().code).toBe('GUARD_FAILED');
    const refused = await api.fire(a.admin, c.id, 'refuse', {
      reasonCode: 'respondent-unwilling',
      note: '被申请人明确表示不同意调解',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({
      status: 'not_accepted',
      notAcceptedReason: 'respondent-unwilling',
    });
  });

  it('never lets a securities firm refuse an ordinary investor (证券法 art. 94)', async () => {
    const c = await caseIn(t, a, 'consulting');
    await api.fire(a.firm, c.id, 'respondent-reply', { willing: false });
    const refused = await api.fire(a.admin, c.id, 'refuse', {
      reasonCode: 'respondent-unwilling',
      note: '不同意',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('GUARD_FAILED');
    expect(refused.json().message).toContain('第九十四条');
    const en = await api.post(
      a.admin,
      `/api/cases/${c.id}/refuse`,
      {
        expectedVersion: (await api.get(a.admin, `/api/cases/${c.id}`)).json().version,
        reasonCode: 'respondent-unwilling',
        note: 'x',
      },
      'en',
    );
    expect(en.json().message).toContain('Securities Law art. 94');
    // …but the firm is bound, so the case is accepted despite its unwillingness.
    const accepted = await api.fire(a.admin, c.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
  });

  it('loops through supplement: request, supplement, register', async () => {
    const c = await caseIn(t, a, 'submitted');
    const asked = await api.fire(a.admin, c.id, 'request-supplement', { note: '请补充交易流水。' });
    expect(asked.json()).toMatchObject({
      status: 'needs_supplement',
      supplementRequest: '请补充交易流水。',
      nextDeadline: { kind: 'supplement' },
    });
    const upload = await api.upload(
      a.investor,
      'flow.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]),
    );
    const supplemented = await api.fire(a.investor, c.id, 'supplement', {
      facts: '补充：2025年5月12日认购，金额8万元。',
      evidenceIds: [upload.json().id],
    });
    expect(supplemented.statusCode).toBe(200);
    expect(supplemented.json()).toMatchObject({
      status: 'submitted',
      facts: '补充：2025年5月12日认购，金额8万元。',
    });
    expect(supplemented.json().evidence).toHaveLength(1);
    expect(supplemented.json().caseNumber).toBe(c.caseNumber);
    const registered = await api.fire(a.admin, c.id, 'register');
    expect(registered.json().status).toBe('registered');
  });

  it('lets both parties choose the same mediator, and recusal sends the case back', async () => {
    const c = await caseIn(t, a, 'accepted');
    const first = await api.fire(a.investor, c.id, 'choose-mediator', { mediatorId: a.mediatorId });
    expect(first.json().status).toBe('accepted');
    const second = await api.fire(a.firm, c.id, 'choose-mediator', { mediatorId: a.mediatorId });
    expect(second.json()).toMatchObject({ status: 'mediating', mediator: { id: a.mediatorId } });
    const recused = await api.fire(a.mediator, c.id, 'recuse', { reason: '与申请人存在亲属关系' });
    expect(recused.statusCode).toBe(200);
    expect(recused.json()).toMatchObject({ status: 'accepted', mediator: null });
    const again = await api.fire(a.admin, c.id, 'assign-mediator', { mediatorId: a.mediatorId });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('GUARD_FAILED');
    // The recused mediator no longer sees the case.
    expect((await api.get(a.mediator, `/api/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('rejects a mediator from outside the organization', async () => {
    const c = await caseIn(t, a, 'accepted');
    const res = await api.fire(a.admin, c.id, 'assign-mediator', { mediatorId: 'no-such-user' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('saves a draft without a number, then submits it', async () => {
    const draft = await api.apply(a.investor, { submit: false, consents: [] });
    expect(draft.json()).toMatchObject({ status: 'draft', caseNumber: null });
    expect((await api.get(a.admin, `/api/cases/${draft.json().id}`)).statusCode).toBe(404);
    const incomplete = await api.fire(a.investor, draft.json().id, 'submit');
    expect(incomplete.statusCode).toBe(422);
    const full = await api.apply(a.investor, { submit: false });
    const submitted = await api.fire(a.investor, full.json().id, 'submit');
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().caseNumber).toMatch(/中证调字第\d{6}号/);
  });

  it('offers only abilities that have an endpoint, and none to read-only staff', async () => {
    const regulator = await t.login('regulator1');
    for (const state of ['submitted', 'registered', 'consulting', 'accepted', 'mediating'] as const) {
      const c = await caseIn(t, a, state);
      for (const who of [a.investor, a.admin, a.firm, a.mediator]) {
        const res = await api.get(who, `/api/cases/${c.id}`);
        if (res.statusCode === 404) continue;
        for (const event of res.json().abilities as string[]) {
          expect(
            t.app.hasRoute({ method: 'POST', url: `/api/cases/:id/${event}` }),
            `${state}: ${event}`,
          ).toBe(true);
        }
      }
      expect((await api.get(regulator, `/api/cases/${c.id}`)).json().abilities).toEqual([]);
    }
  });

  it('lets an agent apply and act for the applicant side', async () => {
    const agent = await t.login('agent1');
    const created = await api.apply(agent);
    expect(created.statusCode).toBe(200);
    expect(created.json().abilities).toContain('withdraw');
    const list = await api.get(agent, '/api/cases');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(created.json().id);
    const withdrawn = await api.fire(agent, created.json().id, 'withdraw', { reason: '委托人撤回' });
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('answers two concurrent accepts with exactly one 200 and one 409', async () => {
    const c = await caseIn(t, a, 'consulting');
    const replied = await api.fire(a.firm, c.id, 'respondent-reply', { willing: true });
    const version = replied.json().version;
    const results = await Promise.all(
      [1, 2].map(() => api.post(a.admin, `/api/cases/${c.id}/accept`, { expectedVersion: version })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('CASE_STATE_CONFLICT');
    const timeline = (await api.get(a.admin, `/api/cases/${c.id}`)).json().timeline;
    expect(timeline.filter((e: { event: string }) => e.event === 'accept')).toHaveLength(1);
  });

  it('answers a stale version with 409 and an unauthorized role with 403', async () => {
    const c = await caseIn(t, a, 'submitted');
    const stale = await api.post(a.admin, `/api/cases/${c.id}/register`, { expectedVersion: c.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CASE_STATE_CONFLICT');
    const firmRegisters = await api.post(a.firm, `/api/cases/${c.id}/register`, {
      expectedVersion: c.version,
    });
    expect(firmRegisters.statusCode).toBe(403);
    const investorRegisters = await api.post(a.investor, `/api/cases/${c.id}/register`, {
      expectedVersion: c.version,
    });
    expect(investorRegisters.statusCode).toBe(403);
    const regulator = await t.login('regulator1');
    expect((await api.get(regulator, `/api/cases/${c.id}`)).statusCode).toBe(200);
    expect(
      (await api.post(regulator, `/api/cases/${c.id}/register`, { expectedVersion: c.version })).statusCode,
    ).toBe(403);
  });

  it('writes an audit record for every state change and keeps the chain intact', async () => {
    const events = await t.deps.db.selectFrom('case_events').select(['case_id', 'event']).execute();
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select(['target_id', 'action'])
      .where('target_type', '=', 'case')
      .where('outcome', '=', 'success')
      .execute();
    for (const e of events) {
      expect(audits.some((x) => x.target_id === e.case_id && x.action === `case.${e.event}`)).toBe(true);
    }
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });
});
