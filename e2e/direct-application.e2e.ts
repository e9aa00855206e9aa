import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD, signInAs } from './support/sign-in.ts';
import {
  caseStatus,
  chooseOption,
  chooseRadio,
  fireEvent,
  openCase,
  pdfText,
  tinyPdf,
  watchApi,
} from './support/ui.ts';

const ACTORS = ['investor1', 'center_admin', 'firm_huaxin', 'mediator1'] as const;
type Actor = (typeof ACTORS)[number];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lifecycle A (direct application) through the web client, each actor in their own browser context. */
describe('direct application: from the wizard to a performed agreement', () => {
  const env = useRunningSystem();
  let url: string;
  const pages = {} as Record<Actor, Page>;
  const apiFailures: string[] = [];

  beforeAll(async () => {
    url = env.system.urls.mediation;
    for (const actor of ACTORS) {
      pages[actor] = await signInAs(env.browser, url, actor);
      apiFailures.push(...watchApi(pages[actor]).map((failure) => `${actor}: ${failure}`));
    }
  });

  /** investor1 applies through the guided wizard; returns the new case's id and number. */
  async function apply(
    options: { amount: string; facts: string; checkPages?: boolean } = { amount: '5000', facts: '事实' },
  ): Promise<{ id: string; number: string }> {
    const page = pages.investor1;
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: '申请调解' }).click();
    await page.waitForURL(/\/apply$/);
    await page.getByRole('heading', { name: '被申请人与金额' }).waitFor();
    await chooseOption(page, page, '被申请人', '华信证券');
    await page.getByLabel('请求金额').fill(options.amount);
    if (options.checkPages) {
      await expect.poll(() => page.getByText('¥12,345.67').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'apply: respondent and amount');
    }
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '事实与请求' }).waitFor();
    await page.getByLabel('纠纷事实').fill(options.facts);
    await page.getByLabel('调解请求').fill('请求被申请人赔偿投资损失。');
    if (options.checkPages) await expectAccessible(page, 'apply: facts and requests');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '证据材料' }).waitFor();
    if (options.checkPages) {
      await page.locator('input[type=file]').setInputFiles({
        name: '交割单.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('Trade confirmation 2025-03-18'),
      });
      await page.getByTitle(/交割单\.pdf（/).waitFor();
      await expectAccessible(page, 'apply: evidence');
    }
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '告知与同意' }).waitFor();
    const boxes = page.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBe(2);
    for (const box of await boxes.all()) await box.check();
    if (options.checkPages) await expectAccessible(page, 'apply: consents');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '确认提交' }).waitFor();
    if (options.checkPages) {
      await expect.poll(() => page.getByTestId('review-amount').textContent()).toBe('¥12,345.67');
      await expect.poll(() => page.getByText('交割单.pdf').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'apply: review');
    }
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await expect.poll(() => page.getByTestId('case-number').textContent()).toMatch(/中证调/);
    const number = (await page.getByTestId('case-number').textContent()) ?? '';
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await caseStatus(page)).toBe('submitted');
    return { id, number };
  }

  async function unreadCount(page: Page): Promise<number> {
    await page.goto(`${url}/inbox`);
    const sub = page.getByText(/^未读 \d+ 条$/);
    await sub.waitFor();
    return Number((await sub.textContent())?.match(/\d+/)?.[0]);
  }

  async function tab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
  }

  async function sign(page: Page, action: '签署调解协议' | '加盖印章', toStatus: string): Promise<void> {
    await fireEvent(page, action, toStatus, async (dialog) => {
      await expect.poll(() => dialog.textContent()).toContain('¥10,000.00');
      await dialog.getByLabel('登录密码').fill(DEMO_PASSWORD);
    });
  }

  // about 120 s on a quiet machine: the file's default of 120 s left no room for a busy one
  it('runs lifecycle A end to end: apply, supplement, register, consult, accept, mediate, sign, seal, verify, pay', {
    timeout: 400_000,
  }, async () => {
    const { investor1, center_admin: admin, firm_huaxin: firm, mediator1: mediator } = pages;

    // investor1 applies through the wizard, with a real PDF as evidence.
    const created = await apply({
      amount: '12345.67',
      facts: '2025年3月经客户经理推荐购入高风险产品，未做适当性评估。',
      checkPages: true,
    });
    await expectAccessible(investor1, 'case page (submitted)');
    await tab(investor1, '概况');
    const evidenceLink = investor1.getByRole('link', { name: '交割单.pdf' });
    const evidenceHref = await evidenceLink.getAttribute('href');
    const evidence = await investor1.context().request.get(new URL(evidenceHref ?? '', url).toString());
    expect(evidence.status()).toBe(200);
    expect((await evidence.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The center's administrator sees it in the queue, asks for a supplement.
    await admin.goto(`${url}/`);
    await expect
      .poll(() => admin.getByRole('link', { name: created.number }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expectAccessible(admin, 'org admin workbench');
    await admin.getByRole('link', { name: created.number }).first().click();
    await admin.getByTestId('case-number').waitFor();
    await expectAccessible(admin, 'case page (org admin)');
    await fireEvent(admin, '要求补正', 'needs_supplement', async (dialog) => {
      await dialog.getByLabel('需补正的内容').fill('请补充购买产品的时间和金额。');
    });

    // investor1 sees the request and supplements.
    await openCase(investor1, url, created.id);
    await expect.poll(() => investor1.getByText('请补充购买产品的时间和金额。').count()).toBeGreaterThan(0);
    await expectAccessible(investor1, 'case page (needs supplement)');
    await fireEvent(investor1, '补正材料', 'submitted', async (dialog) => {
      const facts = dialog.getByLabel('补充后的纠纷事实');
      await facts.fill(`${await facts.inputValue()}购买时间2025年3月18日，金额50万元。`);
    });
    const unreadBefore = await unreadCount(investor1);

    // Registered (the applicant is told), and the respondent consulted (the firm is told).
    await openCase(admin, url, created.id);
    await fireEvent(admin, '登记', 'registered');
    await expect.poll(() => unreadCount(investor1)).toBeGreaterThan(unreadBefore);
    await expectAccessible(investor1, 'inbox');
    const firmUnreadBefore = await unreadCount(firm);
    await openCase(admin, url, created.id);
    await fireEvent(admin, '征询被申请人', 'consulting');
    await expect.poll(() => unreadCount(firm)).toBeGreaterThan(firmUnreadBefore);

    // The firm replies it is willing.
    await firm.goto(`${url}/`);
    await expect
      .poll(() => firm.getByRole('link', { name: created.number }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expectAccessible(firm, 'respondent workbench');
    await openCase(firm, url, created.id);
    await expectAccessible(firm, 'case page (respondent)');
    await fireEvent(firm, '答复调解意愿', 'consulting', async (dialog) => {
      await chooseRadio(dialog.getByRole('radio', { name: '同意调解', exact: true }));
      await dialog.getByLabel('说明').fill('同意通过调解解决。');
    });

    // Accepted, track set, mediator assigned.
    const mediatorUnreadBefore = await unreadCount(mediator);
    await openCase(admin, url, created.id);
    await expect.poll(() => admin.getByText('同意调解').count()).toBeGreaterThan(0);
    await fireEvent(admin, '受理', 'accepted');
    await fireEvent(admin, '确定调解程序', 'accepted', async (dialog) => {
      await chooseOption(dialog, admin, '调解程序', '普通程序');
    });
    await expect.poll(() => admin.getByText('程序：普通程序').count()).toBeGreaterThan(0);
    await fireEvent(admin, '指派调解员', 'mediating', async (dialog) => {
      await chooseOption(dialog, admin, '调解员', '刘调解');
    });
    await expect.poll(() => unreadCount(mediator)).toBeGreaterThan(mediatorUnreadBefore);

    // The mediator talks, keeps the record, drafts the agreement.
    await mediator.goto(`${url}/`);
    await expect
      .poll(() => mediator.getByRole('link', { name: created.number }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await openCase(mediator, url, created.id);
    await expectAccessible(mediator, 'case page (mediator)');
    await tab(mediator, '沟通');
    await mediator.getByLabel('留言内容').fill('双方请于本周内确认调解方案。');
    await mediator.getByRole('button', { name: '发送留言' }).click();
    await mediator.getByText('双方请于本周内确认调解方案。').first().waitFor();
    await expectAccessible(mediator, 'case messages');
    await tab(mediator, '笔录');
    await mediator.getByLabel('笔录内容').fill('2026年调解会议：双方同意以一万元和解。');
    await mediator.getByRole('button', { name: '添加笔录' }).click();
    await mediator.getByText('2026年调解会议：双方同意以一万元和解。').first().waitFor();
    await expectAccessible(mediator, 'case record');
    await fireEvent(mediator, '起草调解协议', 'agreement_pending', async (dialog) => {
      await dialog.getByLabel('协议金额（元）').fill('10000');
      await dialog.getByLabel('履行方式与条款').fill('被申请人于履行期限前一次性银行转账支付。');
      await dialog.getByLabel('履行期限').fill('2026-12-31');
    });
    await tab(mediator, '调解协议');
    await expect.poll(() => mediator.getByTestId('agreement-status').textContent()).toBe('草拟中');
    await expectAccessible(mediator, 'agreement (draft)');

    // Parties and mediator sign with their password; the center seals.
    await sign(mediator, '签署调解协议', 'agreement_pending');
    await tab(mediator, '调解协议');
    await expect.poll(() => mediator.getByTestId('agreement-status').textContent()).toBe('签署中');
    await expect.poll(() => mediator.getByText('已签署', { exact: true }).count()).toBe(1);
    await openCase(investor1, url, created.id);
    await sign(investor1, '签署调解协议', 'agreement_pending');
    await openCase(firm, url, created.id);
    await sign(firm, '签署调解协议', 'agreement_pending');
    await openCase(admin, url, created.id);
    await sign(admin, '加盖印章', 'agreement_effective');

    // Effective: status, agreement, timeline, next deadline.
    await openCase(investor1, url, created.id);
    await expect
      .poll(() => investor1.locator('#main-content [data-status]').first().textContent())
      .toContain('协议生效');
    await expect
      .poll(() => investor1.getByTestId('next-deadline').textContent())
      .toContain('履行期限 2026-12-31');
    await tab(investor1, '时间线');
    const timeline = (await investor1.locator('.ant-timeline').textContent()) ?? '';
    for (const step of [
      '创建申请',
      '提交申请',
      '要求补正',
      '补正材料',
      '登记',
      '征询被申请人',
      '答复调解意愿',
      '受理',
      '确定调解程序',
      '指派调解员',
      '起草调解协议',
      '签署调解协议',
      '加盖印章',
    ]) {
      expect(timeline, `timeline shows ${step}`).toContain(step);
    }
    expect(timeline.match(/签署调解协议/g)?.length).toBe(3);
    await expectAccessible(investor1, 'case timeline (effective)');
    await tab(investor1, '调解协议');
    await expect.poll(() => investor1.getByTestId('agreement-status').textContent()).toBe('已生效');
    await expectAccessible(investor1, 'agreement (effective)');
    const code = ((await investor1.locator('a[href^="/verify/"]').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThan(5);

    // The agreement PDF downloads and carries the case number and the verification code.
    const [download] = await Promise.all([
      investor1.waitForEvent('download'),
      investor1.getByRole('link', { name: '下载调解协议（PDF）' }).click(),
    ]);
    const path = await download.path();
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('调解协议书');
    expect(text).toContain(created.number);
    expect(text).toContain(code);

    // Anyone can verify the code, without signing in; a wrong code is not found.
    const anonymous = await env.browser.newContext({ locale: 'zh-CN' });
    const visitor = await anonymous.newPage();
    // Expected: the session probe says "not signed in", the wrong code is not found.
    const visitorFailures = watchApi(
      visitor,
      (response) =>
        (response.status() === 401 && response.url().endsWith('/api/me')) ||
        (response.status() === 404 && response.url().includes('/api/verify')),
    );
    await visitor.goto(`${url}/verify/${encodeURIComponent(code)}`);
    await expect.poll(() => visitor.getByTestId('verify-verdict').textContent()).toContain('文书有效');
    await expect.poll(() => visitor.getByText(created.number).count()).toBeGreaterThan(0);
    await expectAccessible(visitor, 'public verify page (valid)');
    // Something that cannot be a code is told so at once; a well-formed unknown code is not found.
    await visitor.getByLabel('验证码').fill('WRONG-CODE-0000');
    await visitor.getByRole('button', { name: '验证' }).click();
    await expect
      .poll(() => visitor.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('验证码为 12 位字母和数字');
    await visitor.getByLabel('验证码').fill('AAAA-AAAA-AAAA');
    await visitor.getByRole('button', { name: '验证' }).click();
    await expect.poll(() => visitor.getByRole('alert').first().textContent()).toMatch(/不存在|未找到/);
    expect(await visitor.getByTestId('verify-verdict').count()).toBe(0);
    await expectAccessible(visitor, 'public verify page (not found)');
    expect(visitorFailures).toEqual([]);
    await anonymous.close();

    // The firm records the payment; the case closes as performed.
    await openCase(firm, url, created.id);
    await fireEvent(firm, '登记履行', 'performed', async (dialog) => {
      await expect.poll(() => dialog.getByLabel('支付金额（元）').inputValue()).toBe('10000.00');
      await dialog.locator('input[type=file]').setInputFiles({
        name: '转账凭证.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('Bank transfer receipt 10000.00'),
      });
      await dialog.getByTitle(/转账凭证\.pdf（/).waitFor();
    });
    await expect
      .poll(() => firm.locator('#main-content [data-status]').first().textContent())
      .toBe('履行完毕');
    await tab(firm, '调解协议');
    await expect.poll(() => firm.getByText('履行情况：已付 ¥10,000.00 / 应付 ¥10,000.00').count()).toBe(1);
    await expectAccessible(firm, 'agreement (performed)');

    expect(apiFailures).toEqual([]);
  });

  it('closes a second application as failed with a coded reason', async () => {
    const { center_admin: admin, firm_huaxin: firm, mediator1: mediator } = pages;
    const created = await apply({ amount: '800', facts: '第二宗纠纷：佣金收取争议。' });
    await openCase(admin, url, created.id);
    await fireEvent(admin, '登记', 'registered');
    await fireEvent(admin, '征询被申请人', 'consulting');
    await openCase(firm, url, created.id);
    await fireEvent(firm, '答复调解意愿', 'consulting', async (dialog) => {
      await chooseRadio(dialog.getByRole('radio', { name: '同意调解', exact: true }));
    });
    await openCase(admin, url, created.id);
    await fireEvent(admin, '受理', 'accepted');
    await fireEvent(admin, '确定调解程序', 'accepted', async (dialog) => {
      await chooseOption(dialog, admin, '调解程序', '简易程序');
    });
    await fireEvent(admin, '指派调解员', 'mediating', async (dialog) => {
      await chooseOption(dialog, admin, '调解员', '刘调解');
    });
    await openCase(mediator, url, created.id);
    await fireEvent(mediator, '调解不成', 'failed', async (dialog) => {
      await chooseOption(dialog, mediator, '原因', '双方金额分歧过大');
      await dialog.getByLabel('无争议事实记载').fill('双方确认申请人于2025年支付佣金800元。');
    });
    await expect.poll(() => mediator.getByText('调解不成原因：双方金额分歧过大').count()).toBe(1);
    await expect
      .poll(() => mediator.getByText('双方确认申请人于2025年支付佣金800元。').count())
      .toBeGreaterThan(0);
    await expectAccessible(mediator, 'case page (failed)');
    await openCase(pages.investor1, url, created.id);
    await expect.poll(() => pages.investor1.getByText('调解不成原因：双方金额分歧过大').count()).toBe(1);
    expect(apiFailures).toEqual([]);
  });

  it('lets the investor withdraw an application', async () => {
    const investor = pages.investor1;
    const created = await apply({ amount: '300', facts: '第三宗纠纷：已与公司自行和解。' });
    await fireEvent(investor, '撤回申请', 'withdrawn', async (dialog) => {
      await dialog.getByLabel('撤回理由（可选）').fill('已与被申请人自行和解。');
    });
    await expect.poll(() => investor.getByText('已与被申请人自行和解。').count()).toBeGreaterThan(0);
    await expectAccessible(investor, 'case page (withdrawn)');
    await investor.goto(`${url}/cases`);
    await expect
      .poll(() => investor.getByRole('row', { name: new RegExp(escapeRegExp(created.number)) }).textContent())
      .toContain('已撤回');
    expect(apiFailures).toEqual([]);
  });
});
