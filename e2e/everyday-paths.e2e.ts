import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, CONSENTS } from './support/api.ts';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD, signInAs } from './support/sign-in.ts';
import { caseStatus, chooseOption, openCase } from './support/ui.ts';

/** The broken paths a new user hit (issue 10, item 1), each walked in the browser. */
describe('everyday paths a new user hit', () => {
  const env = useRunningSystem();
  const url = () => env.system.urls.mediation;

  /** A fresh application by investor1 against 华信证券, moved through the API by the named actors. */
  async function caseBy(
    browser: Browser,
    steps: [string, string, Record<string, unknown>][],
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const investor = await signInAs(browser, url(), 'investor1');
    const created = await (await apiAs(investor, url())).post('/api/cases', {
      respondentOrgId: 'firm-huaxin',
      claimAmountFen: 980_000,
      facts: '2025年3月经客户经理推荐购入高风险产品。',
      requests: '请求赔偿投资损失。',
      evidenceIds: [],
      consents: CONSENTS,
      submit: true,
      ...overrides,
    });
    await investor.context().close();
    const pages = new Map<string, Page>();
    for (const [who, event, body] of steps) {
      if (!pages.has(who)) pages.set(who, await signInAs(browser, url(), who));
      const page = pages.get(who) as Page;
      const api = await apiAs(page, url());
      const payload = { ...body };
      if (payload.mediatorId === '$mediator1') {
        const roster = await api.get('/api/mediators');
        payload.mediatorId = roster.items.find(
          (m: { displayName: string }) => m.displayName === '刘调解',
        )?.id;
      }
      await api.fire(created.id, event, payload);
    }
    for (const page of pages.values()) await page.context().close();
    return created.id;
  }

  const TO_ACCEPTED: [string, string, Record<string, unknown>][] = [
    ['center_admin', 'register', {}],
    ['center_admin', 'consult-respondent', {}],
    ['firm_huaxin', 'respondent-reply', { willing: true }],
    ['center_admin', 'accept', {}],
    ['center_admin', 'set-track', { track: 'ordinary' }],
  ];

  it('saves a draft from the first step, reopens it from the case page and edits it', async () => {
    const page = await signInAs(env.browser, url(), 'investor1');
    await page.goto(`${url()}/apply`);
    await page.getByRole('heading', { name: '被申请人与金额' }).waitFor();
    await chooseOption(page, page, '被申请人', '华信证券');
    await page.getByLabel('请求金额').fill('8000');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await expect.poll(() => caseStatus(page)).toBe('draft');
    await page.getByRole('button', { name: '继续编辑草稿' }).click();
    await page.waitForURL(/\/apply\?draft=/);
    await page.getByRole('heading', { name: '继续编辑申请草稿', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('请求金额').inputValue()).toBe('8000.00');
    await expectAccessible(page, 'apply: editing a draft');
    await page.getByLabel('请求金额').fill('8500');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('纠纷事实').fill('补写的事实。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/cases\/[^/?]+$/);
    await expect.poll(() => page.locator('#main-content').textContent()).toContain('¥8,500.00');
    await expect.poll(() => page.locator('#main-content').textContent()).toContain('补写的事实。');
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await page.context().close();
  });

  it('explains that both parties choose the mediator and shows who chose whom', async () => {
    const id = await caseBy(env.browser, TO_ACCEPTED);
    const page = await signInAs(env.browser, url(), 'investor1');
    await openCase(page, url(), id);
    await page
      .getByRole('navigation', { name: '可执行操作' })
      .getByRole('button', { name: '选定调解员', exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('choose-hint').textContent()).toContain('须由双方共同选定');
    await chooseOption(dialog, page, '调解员', '刘调解');
    await expectAccessible(page, 'choose a mediator');
    await dialog.getByRole('button', { name: '确认选定调解员' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toContain('已选择调解员 刘调解，等待对方选择');
    const choices = page.getByTestId('mediator-choices');
    await expect.poll(() => choices.textContent()).toContain('申请人选择：刘调解');
    await expect.poll(() => choices.textContent()).toContain('被申请人选择：尚未选择');
    await page.context().close();
  });

  it('offers no message form to the regulator, nor on a withdrawn case', async () => {
    const id = await caseBy(env.browser, [['investor1', 'withdraw', { reason: '已和解' }]]);
    const open = await caseBy(env.browser, []);
    const regulator = await signInAs(env.browser, url(), 'regulator1');
    await openCase(regulator, url(), open);
    await regulator.getByRole('tab', { name: '沟通' }).click();
    await expect.poll(() => regulator.getByTestId('messages-closed').textContent()).toContain('不能留言');
    expect(await regulator.getByRole('button', { name: /发\s*送|留言/ }).count()).toBe(0);
    await regulator.context().close();
    const investor = await signInAs(env.browser, url(), 'investor1');
    await openCase(investor, url(), id);
    await investor.getByRole('tab', { name: '沟通' }).click();
    await expect.poll(() => investor.getByTestId('messages-closed').textContent()).toContain('案件已结束');
    await investor.context().close();
  });

  it('does not offer a refusal reason the law forbids', async () => {
    const id = await caseBy(env.browser, [
      ['center_admin', 'register', {}],
      ['center_admin', 'consult-respondent', {}],
      ['firm_huaxin', 'respondent-reply', { willing: false }],
    ]);
    const admin = await signInAs(env.browser, url(), 'center_admin');
    await openCase(admin, url(), id);
    await admin
      .getByRole('navigation', { name: '可执行操作' })
      .getByRole('button', { name: '不予受理', exact: true })
      .click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('原因', { exact: true }).click();
    const options = admin.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.allTextContents();
    expect(offered).toContain('不属于证券期货纠纷受理范围');
    expect(offered).not.toContain('被申请人不同意调解');
    await admin.context().close();
  });

  it('checks an agreement against the claim and a plausible due date, and says a wrong password is wrong', async () => {
    const id = await caseBy(env.browser, [
      ...TO_ACCEPTED.slice(0, 4),
      ['center_admin', 'set-track', { track: 'simple' }],
      ['center_admin', 'assign-mediator', { mediatorId: '$mediator1' }],
    ]);
    const mediator = await signInAs(env.browser, url(), 'mediator1');
    await openCase(mediator, url(), id);
    const bar = mediator.getByRole('navigation', { name: '可执行操作' });
    await bar.getByRole('button', { name: '起草调解协议', exact: true }).click();
    const dialog = mediator.getByRole('dialog');
    await dialog.getByLabel('协议金额（元）').fill('20000');
    await dialog.getByLabel('履行方式与条款').fill('一次性支付');
    await dialog.getByLabel('履行期限').fill('2099-12-31');
    await dialog.getByRole('button', { name: '确认起草调解协议' }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          '协议金额（¥20,000.00）不能超过申请人的请求金额（¥9,800.00）。',
          expect.stringMatching(/^履行期限须在今天（\d{4}-\d{2}-\d{2}）至 \d{4}-\d{2}-\d{2} 之间。$/),
        ]),
      );
    await expectAccessible(mediator, 'draft agreement: refused terms');
    await dialog.getByLabel('协议金额（元）').fill('9000');
    const today = await mediator.evaluate(() =>
      new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    );
    await dialog.getByLabel('履行期限').fill(today);
    await dialog.getByRole('button', { name: '确认起草调解协议' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => caseStatus(mediator)).toBe('agreement_pending');
    await bar.getByRole('button', { name: '签署调解协议', exact: true }).click();
    await dialog.getByLabel('登录密码').fill('not-my-password-1');
    await dialog.getByRole('button', { name: '确认签署调解协议' }).click();
    await expect.poll(() => dialog.locator('.ant-alert-error').textContent()).toContain('密码不正确');
    await mediator.context().close();
  });

  it('shows times in Beijing time with the zone, whatever the browser zone', async () => {
    const id = await caseBy(env.browser, []);
    const context = await env.browser.newContext({ locale: 'zh-CN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${url()}/login`);
    await page.getByLabel('用户名').fill('investor1');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await openCase(page, url(), id);
    const detail = await (await apiAs(page, url())).get(`/api/cases/${id}`);
    const beijing = new Date(new Date(detail.updatedAt).getTime() + 8 * 3_600_000).toISOString();
    const expected = `${beijing.slice(0, 10)} ${beijing.slice(11, 16)} (UTC+8)`;
    await expect.poll(() => page.locator('#main-content').textContent()).toContain(expected);
    await context.close();
  });

  it('verifies on the court platform and with a code that cannot be one, without "no such route"', async () => {
    const court = await (await env.browser.newContext({ locale: 'zh-CN' })).newPage();
    await court.goto(`${env.system.urls.court}/verify/7KQ4-MXTA-93HC`);
    const alert = court.getByRole('alert');
    // The court platform checks the documents it issues (调解书, 裁定书): an unknown code is simply not found.
    await expect.poll(() => alert.textContent()).toContain('未找到该验证码对应的文书');
    expect(await alert.textContent()).not.toContain('未找到接口');
    await expectAccessible(court, 'court: verify');
    await court.goto(`${url()}/verify/${'A'.repeat(300)}`);
    await expect.poll(() => court.getByRole('alert').textContent()).toContain('验证码格式不正确');
    await court.context().close();
  });

  it('shows the analyst and administrators their pages, not "under construction"', async () => {
    for (const [platform, username, link] of [
      ['mediation', 'analyst1', '损失核定'],
      ['mediation', 'm_sysadmin', '用户与角色'],
      ['mediation', 'm_auditadmin', '审计日志'],
      ['court', 'c_sysadmin', '用户与角色'],
    ] as const) {
      const page = await signInAs(env.browser, env.system.urls[platform], username);
      const pages = page.getByTestId('your-pages');
      await pages.getByRole('link', { name: link }).waitFor();
      expect(await page.locator('#main-content').textContent()).not.toMatch(/建设中|即将上线/);
      await page.context().close();
    }
  });

  it('lets the system administrator open an account, and a locked-out user is told for how long and unlocked', async () => {
    const admin = await signInAs(env.browser, url(), 'm_sysadmin');
    await admin.goto(`${url()}/admin/users`);
    await admin.getByRole('button', { name: '开立账户' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('mediator_e2e');
    await dialog.getByLabel('姓名').fill('新调解员');
    // A long list: search it, as a person would.
    await dialog.getByLabel('所属机构', { exact: true }).fill('中证资本市场法律服务中心');
    await admin
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: '中证资本市场法律服务中心',
      })
      .first()
      .click();
    await chooseOption(dialog, admin, '业务角色', '调解员');
    await expectAccessible(admin, 'users: open an account');
    await dialog
      .getByRole('button', { name: '开 立' })
      .or(dialog.getByRole('button', { name: '开立' }))
      .click();
    const password = (await admin.getByTestId('initial-password').textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    await admin.getByRole('button', { name: '我已记下' }).click();

    const context = await env.browser.newContext({ locale: 'zh-CN' });
    const login = await context.newPage();
    await login.goto(`${url()}/login`);
    for (let i = 0; i < 6; i++) {
      await login.getByLabel('用户名').fill('mediator_e2e');
      await login.getByLabel('密码').fill(`wrong-password-${i}`);
      await Promise.all([
        login.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        login.getByRole('button', { name: /登\s*录/ }).click(),
      ]);
    }
    await expect.poll(() => login.getByRole('alert').textContent()).toMatch(/请在 1[45] 分钟后（北京时间/);
    await expect.poll(() => login.getByRole('alert').textContent()).toContain('联系系统管理员解锁');

    await admin.reload();
    await admin.getByRole('button', { name: '解锁 mediator_e2e' }).click();
    await admin.getByRole('button', { name: '停用 mediator_e2e' }).waitFor();
    await expectAccessible(admin, 'users: after unlocking');
    await login.getByLabel('用户名').fill('mediator_e2e');
    await login.getByLabel('密码').fill(password);
    await login.getByRole('button', { name: /登\s*录/ }).click();
    await login.waitForURL((u) => !u.pathname.startsWith('/login'));
    await context.close();
    await admin.context().close();
  });

  it('tells a 200-character name that it is too long', async () => {
    const page = await (await env.browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${url()}/register`);
    await page.getByLabel('姓名').fill('张'.repeat(200));
    await page.getByLabel('姓名').blur();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toBe('不能超过 64 字');
    await page.context().close();
  });
});
