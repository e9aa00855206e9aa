import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseClient,
  caseIn,
  CURRENT_CONSENTS,
  type JourneyActors,
  journeyActors,
  PDF_BYTES,
} from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

/** The broken paths a new user hit (issue 10, item 1), each through the API. */
describe.each(ENGINES)('everyday paths on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let a: JourneyActors;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = caseClient(t);
    a = await journeyActors(t);
  });
  afterAll(async () => t?.close());

  it('saves a draft from the first step, reopens it, edits it and submits it', async () => {
    const draft = await api.apply(a.investor, {
      submit: false,
      facts: '',
      requests: '',
      consents: [],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', facts: '', requests: '' });
    const upload = await api.upload(a.investor, 'flow.pdf', PDF_BYTES);
    const body = {
      expectedVersion: draft.json().version,
      respondentOrgId: 'firm-huaxin',
      claimAmountFen: 980_000,
      facts: '2025年3月购入高风险产品。',
      requests: '请求赔偿损失。',
      evidenceIds: [upload.json().id],
      consents: CURRENT_CONSENTS,
    };
    const edited = await api.post(a.investor, `/api/cases/${draft.json().id}/draft`, body);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'draft',
      claimAmountFen: 980_000,
      facts: '2025年3月购入高风险产品。',
    });
    expect(edited.json().evidence).toHaveLength(1);
    // The draft as read before is stale now; someone else's draft is not found.
    const stale = await api.post(a.investor, `/api/cases/${draft.json().id}/draft`, body);
    expect(stale.json().code).toBe('CASE_STATE_CONFLICT');
    const other = await t.login('investor2');
    const foreign = await api.post(other, `/api/cases/${draft.json().id}/draft`, {
      ...body,
      expectedVersion: edited.json().version,
    });
    expect(foreign.statusCode).toBe(404);
    const submitted = await api.fire(a.investor, draft.json().id, 'submit');
    expect(submitted.json().status).toBe('submitted');
    const again = await api.post(a.investor, `/api/cases/${draft.json().id}/draft`, {
      ...body,
      expectedVersion: submitted.json().version,
    });
    expect(again.json().code).toBe('CASE_ILLEGAL_EVENT');
  });

  it('still needs facts and requests to submit, saying which is missing', async () => {
    const res = await api.apply(a.investor, { facts: '  ', submit: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('facts');
    expect(res.json().message).not.toContain('must NOT have fewer');
  });

  it('offers the message form to parties of open cases only, and refuses messages on closed cases', async () => {
    const c = await caseIn(t, a, 'submitted');
    const regulator = await t.login('regulator1');
    expect((await api.get(regulator, `/api/cases/${c.id}`)).json().canPostMessage).toBe(false);
    expect((await api.get(a.investor, `/api/cases/${c.id}`)).json().canPostMessage).toBe(true);
    const denied = await api.post(regulator, `/api/cases/${c.id}/messages`, { body: '监管留言' });
    expect(denied.statusCode).toBe(403);
    const withdrawn = await api.fire(a.investor, c.id, 'withdraw', { reason: '已和解' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canPostMessage: false });
    const late = await api.post(a.investor, `/api/cases/${c.id}/messages`, { body: '还有一句' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CASE_CLOSED' });
    expect(late.json().message).toContain('已撤回');
  });

  it('offers no refusal reason the law forbids, for securities and futures firms alike', async () => {
    const securities = await caseIn(t, a, 'consulting');
    await api.fire(a.firm, securities.id, 'respondent-reply', { willing: false });
    const offered = (await api.get(a.admin, `/api/cases/${securities.id}`)).json();
    expect(offered.abilities).toContain('refuse');
    expect(offered.refusalReasons).not.toContain('respondent-unwilling');
    expect(offered.refusalReasons).toContain('outside-scope');
    // 期货和衍生品法: an ordinary trader's request to a futures firm cannot be refused either.
    const futures = await caseIn(t, a, 'consulting', { respondentOrgId: 'firm-donghai-fut' });
    const futuresFirm = await t.login('firm_donghai');
    await api.fire(futuresFirm, futures.id, 'respondent-reply', { willing: false });
    expect((await api.get(a.admin, `/api/cases/${futures.id}`)).json().refusalReasons).not.toContain(
      'respondent-unwilling',
    );
    const refused = await api.fire(a.admin, futures.id, 'refuse', {
      reasonCode: 'respondent-unwilling',
      note: '不同意',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('期货和衍生品法');
    const accepted = await api.fire(a.admin, futures.id, 'accept');
    expect(accepted.json().status).toBe('accepted');
    // A professional investor's case against a futures firm may still be refused for unwillingness.
    const pro = await journeyActors(t, 'investor3');
    const proCase = await caseIn(t, pro, 'consulting', { respondentOrgId: 'firm-donghai-fut' });
    await api.fire(futuresFirm, proCase.id, 'respondent-reply', { willing: false });
    expect((await api.get(a.admin, `/api/cases/${proCase.id}`)).json().refusalReasons).toContain(
      'respondent-unwilling',
    );
  });

  it("shows each party's choice of mediator until both agree", async () => {
    const c = await caseIn(t, a, 'accepted');
    const first = await api.fire(a.investor, c.id, 'choose-mediator', { mediatorId: a.mediatorId });
    expect(first.json()).toMatchObject({
      status: 'accepted',
      mediatorChoices: { investor: { id: a.mediatorId }, respondent: null },
    });
    expect(first.json().mediatorChoices.investor.displayName).not.toBe('');
    const firmView = (await api.get(a.firm, `/api/cases/${c.id}`)).json();
    expect(firmView.mediatorChoices.investor.id).toBe(a.mediatorId);
  });

  it('tells the parties to choose a mediator only once they can', async () => {
    const c = await caseIn(t, a, 'consulting');
    await api.fire(a.firm, c.id, 'respondent-reply', { willing: true });
    const accepted = await api.fire(a.admin, c.id, 'accept');
    expect(accepted.json().status).toBe('accepted');
    const noticesOf = async () =>
      ((await api.get(a.investor, '/api/notices')).json().items as { caseId: string; body: string }[])
        .filter((n) => n.caseId === c.id)
        .map((n) => n.body)
        .join('\n');
    expect((await api.get(a.investor, `/api/cases/${c.id}`)).json().abilities).not.toContain(
      'choose-mediator',
    );
    expect(await noticesOf()).not.toContain('选定调解员');
    await api.fire(a.admin, c.id, 'set-track', { track: 'ordinary' });
    expect((await api.get(a.investor, `/api/cases/${c.id}`)).json().abilities).toContain('choose-mediator');
    expect(await noticesOf()).toContain('选定调解员');
  });

  it('refuses an agreement above the claim or due implausibly far ahead', async () => {
    const c = await caseIn(t, a, 'mediating', { claimAmountFen: 980_000 });
    const above = await api.fire(a.mediator, c.id, 'draft-agreement', {
      amountFen: 2_000_000,
      paymentTerms: '一次性支付',
      dueDate: '2027-01-31',
    });
    expect(above.statusCode).toBe(422);
    expect(above.json()).toMatchObject({ code: 'AGREEMENT_AMOUNT_EXCEEDS_CLAIM' });
    expect(above.json().message).toContain('¥9,800.00');
    const far = await api.fire(a.mediator, c.id, 'draft-agreement', {
      amountFen: 900_000,
      paymentTerms: '一次性支付',
      dueDate: '2099-12-31',
    });
    expect(far.statusCode).toBe(422);
    expect(far.json()).toMatchObject({ code: 'AGREEMENT_DUE_DATE_IMPLAUSIBLE' });
  });

  it('says a re-entered password was wrong when signing', async () => {
    const c = await caseIn(t, a, 'mediating');
    const today = new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const drafted = await api.fire(a.mediator, c.id, 'draft-agreement', {
      amountFen: 100_000,
      paymentTerms: '一次性支付',
      dueDate: today,
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const wrong = await api.fire(a.investor, c.id, 'sign-agreement', { password: 'not-my-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('PASSWORD_INCORRECT');
    expect(wrong.json().message).toContain('密码不正确');
  });

  it('verifies by code on a route that knows every document, and says when a code cannot be one', async () => {
    const long = await t.app.inject({ url: `/api/verify?code=${'A'.repeat(300)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('VERIFY_CODE_MALFORMED');
    const unknown = await t.app.inject({ url: '/api/verify?code=AAAA-AAAA-AAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('VERIFY_NOT_FOUND');
  });

  it('lets the system administrator open, disable, re-enable and unlock accounts; a lockout says for how long', async () => {
    const sysadmin = await t.login('m_sysadmin');
    const created = await api.post(sysadmin, '/api/admin/users', {
      username: `mediator_new_${engine}`,
      displayName: '新调解员',
      organizationId: 'org-center',
      role: 'mediator',
    });
    expect(created.statusCode, created.body).toBe(200);
    const { id, initialPassword } = created.json();
    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `mediator_new_${engine}`, password },
      });
    expect((await login(initialPassword)).statusCode).toBe(200);
    const adminDuty = await api.post(sysadmin, '/api/admin/users', {
      username: `sec_${engine}`,
      displayName: '安全',
      organizationId: null,
      role: 'sec_admin',
    });
    expect(adminDuty.statusCode).toBe(400);
    const duplicate = await api.post(sysadmin, '/api/admin/users', {
      username: `mediator_new_${engine}`,
      displayName: '重名',
      organizationId: null,
      role: 'mediator',
    });
    expect(duplicate.json().code).toBe('DUPLICATE');

    for (let i = 0; i < 5; i++) await login(`wrong-password-${i}`);
    const locked = await login(initialPassword);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toMatch(/请在 15 分钟后（北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 后）再试/);
    expect(locked.json().message).toContain('系统管理员解锁');
    const listed = (await api.get(sysadmin, '/api/admin/users')).json();
    expect(listed.items.find((u: { id: string }) => u.id === id).lockedUntil).not.toBeNull();
    expect(listed.organizations.length).toBeGreaterThan(0);
    expect((await api.post(sysadmin, `/api/admin/users/${id}/access`, { action: 'unlock' })).statusCode).toBe(
      200,
    );
    expect((await login(initialPassword)).statusCode).toBe(200);

    expect(
      (await api.post(sysadmin, `/api/admin/users/${id}/access`, { action: 'disable' })).statusCode,
    ).toBe(200);
    expect((await login(initialPassword)).statusCode).toBe(401);
    await api.post(sysadmin, `/api/admin/users/${id}/access`, { action: 'enable' });
    expect((await login(initialPassword)).statusCode).toBe(200);
    // Only the system administrator manages accounts.
    const sec = await t.login('m_secadmin');
    expect((await api.post(sec, `/api/admin/users/${id}/access`, { action: 'disable' })).statusCode).toBe(
      403,
    );
  });
});
