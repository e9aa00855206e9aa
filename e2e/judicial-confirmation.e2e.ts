import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, CONSENTS } from './support/api.ts';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD, signInAs } from './support/sign-in.ts';
import { courtAction, courtSection, courtState } from './support/court-ui.ts';
import { chooseOption, chooseRadio, confirmDialog, pdfText, watchApi } from './support/ui.ts';

const ACROSS_THE_LINK = { timeout: 30_000, interval: 500 };
const COURT = '上海市黄浦区人民法院';

/** 司法确认: from an effective agreement to a ruling both parties hold and anyone can verify. */
describe('judicial confirmation across the docking link', () => {
  const env = useRunningSystem();
  const pages = {} as Record<'investor' | 'firm' | 'filing' | 'judge', Page>;
  const apiFailures: string[] = [];
  let caseId = '';

  beforeAll(async () => {
    const mediation = env.system.urls.mediation;
    const court = env.system.urls.court;
    pages.investor = await signInAs(env.browser, mediation, 'investor1');
    pages.firm = await signInAs(env.browser, mediation, 'firm_huaxin');
    pages.filing = await signInAs(env.browser, court, 'hp_filing');
    pages.judge = await signInAs(env.browser, court, 'hp_judge');
    for (const [who, page] of Object.entries(pages)) {
      apiFailures.push(...watchApi(page).map((failure) => `${who}: ${failure}`));
    }
    // The case up to an effective agreement through the API (the lifecycle A journeys click through these steps).
    const investor = await apiAs(pages.investor, mediation);
    const created = await investor.post('/api/cases', {
      respondentOrgId: 'firm-huaxin',
      claimAmountFen: 4_200_000,
      facts: '2025年5月经客户经理推荐购入高风险产品，未做适当性评估。',
      requests: '请求赔偿投资损失人民币 42,000 元。',
      evidenceIds: [],
      consents: CONSENTS,
      submit: true,
    });
    caseId = created.id;
    const admin = await apiAs(await signInAs(env.browser, mediation, 'center_admin'), mediation);
    const firm = await apiAs(pages.firm, mediation);
    const mediator = await apiAs(await signInAs(env.browser, mediation, 'mediator1'), mediation);
    await admin.fire(caseId, 'register');
    await admin.fire(caseId, 'consult-respondent');
    await firm.fire(caseId, 'respondent-reply', { willing: true });
    await admin.fire(caseId, 'accept');
    await admin.fire(caseId, 'set-track', { track: 'simple' });
    const roster = await admin.get('/api/mediators');
    const mediatorId = roster.items.find((m: { displayName: string }) => m.displayName === '刘调解')?.id;
    await admin.fire(caseId, 'assign-mediator', { mediatorId });
    const dueDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await mediator.fire(caseId, 'draft-agreement', {
      amountFen: 3_500_000,
      paymentTerms: '被申请人一次性银行转账至申请人账户',
      dueDate,
    });
    for (const party of [investor, firm, mediator]) {
      await party.fire(caseId, 'sign-agreement', { password: DEMO_PASSWORD });
    }
    await admin.fire(caseId, 'seal-agreement', { password: DEMO_PASSWORD });
  }, 240_000);

  /** The case page's 司法确认 tab, reloaded. */
  async function confirmationTab(page: Page): Promise<Locator> {
    await page.goto(`${env.system.urls.mediation}/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await page.getByRole('tab', { name: '司法确认' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('共同向有管辖权的人民法院申请司法确认').waitFor();
    return panel;
  }
  const applicationStatus = (panel: Locator) =>
    panel.getByTestId('confirmation-status').first().getAttribute('data-status', { timeout: 10_000 });

  const section = courtSection;

  it('(a) the investor applies, the firm joins; the court accepts and the judge confirms; both parties see and verify the ruling', {
    timeout: 600_000,
  }, async () => {
    // The investor: the window, the competent court and why, the statement; apply.
    const investorTab = await confirmationTab(pages.investor);
    await expect.poll(() => investorTab.textContent()).toMatch(/剩余 \d+ 天/);
    const court = investorTab.getByRole('radio', { name: new RegExp(COURT) });
    expect(await court.isChecked()).toBe(true);
    await expect.poll(() => investorTab.textContent()).toContain('申请人住所地');
    await expectAccessible(pages.investor, 'mediation: judicial confirmation tab, before applying');
    await investorTab.getByRole('button', { name: '提交申请（待对方确认）' }).click();
    await expect.poll(() => applicationStatus(investorTab)).toBe('awaiting_co_applicant');

    // The firm joins: the joint application goes to the court.
    const firmTab = await confirmationTab(pages.firm);
    await expect.poll(() => firmTab.textContent()).toContain('对方已申请司法确认');
    await expectAccessible(pages.firm, 'mediation: judicial confirmation to join (respondent)');
    await firmTab.getByRole('button', { name: '确认共同申请' }).click();
    const join = pages.firm.getByRole('dialog');
    await join.waitFor();
    await expect.poll(() => join.getByLabel('当事人声明').inputValue()).toContain('自愿');
    await confirmDialog(join, '提交', '确认共同申请');
    await expect.poll(() => applicationStatus(firmTab)).toBe('submitted');

    // The court's filing officer finds it among the confirmation applications and accepts it.
    const filing = pages.filing;
    await filing.goto(`${env.system.urls.court}/court/cases?kind=confirmation`);
    const row = filing.getByRole('row').filter({ hasText: '张*' }).first();
    await expect
      .poll(async () => {
        await filing.reload();
        await filing.locator('#main-content table').first().waitFor();
        return row.count();
      }, ACROSS_THE_LINK)
      .toBe(1);
    await expectAccessible(filing, 'court: confirmation applications list');
    await row.getByRole('link').first().click();
    await section(filing, '可办理事项').waitFor();
    expect(await courtState(filing)).toBe('已收到申请（待决定是否受理）');
    await expect.poll(() => filing.locator('#main-content').textContent()).toContain('申请人住所地');
    await expectAccessible(filing, 'court: confirmation application received');
    await courtAction(filing, '受理', '已受理（待指定审判人员）');
    const number = ((await filing.locator('#main-content').textContent()) ?? '').match(
      /\(\d{4}\)沪0101民特\d+号/,
    )?.[0];
    expect(number).toBeDefined();
    await courtAction(filing, '指定审判人员', '审查中', async (dialog) => {
      await chooseOption(dialog, filing, '审判人员', '黄浦法院 法官 周审');
    });

    // The parties see the acceptance and the 民特 number.
    await expect
      .poll(async () => applicationStatus(await confirmationTab(pages.investor)), ACROSS_THE_LINK)
      .toBe('accepted');
    expect(await pages.investor.getByTestId('confirmation-case-number').textContent()).toBe(number);

    // The judge reviews and confirms: the signed 民事裁定书.
    const judge = pages.judge;
    await judge.goto(filing.url());
    await section(judge, '可办理事项').waitFor();
    await expectAccessible(judge, 'court: confirmation under review (judge)');

    // The judge asks the investor to explain the payment account; the investor answers online; the review resumes.
    const dueDate = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await courtAction(judge, '通知补充材料', '待补充材料', async (dialog) => {
      await chooseRadio(dialog.getByRole('radio', { name: '投资者一方' }));
      await dialog
        .getByLabel('需补充的材料或需说明的问题')
        .fill('请说明协议约定的收款账户是否为本人名下账户。');
      await dialog.getByLabel('补充期限（今天之后的日期）').fill(dueDate);
      await expectAccessible(judge, 'court: request supplements dialog');
    });
    const asked = await expect
      .poll(async () => applicationStatus(await confirmationTab(pages.investor)), ACROSS_THE_LINK)
      .toBe('supplement_requested')
      .then(() => pages.investor.getByRole('tabpanel'));
    await expect.poll(() => asked.textContent()).toContain('收款账户是否为本人名下账户');
    await expectAccessible(pages.investor, 'mediation: the court asks for supplements (investor)');
    await asked.getByRole('button', { name: '提交补充材料' }).click();
    const answer = pages.investor.getByRole('dialog');
    await answer.waitFor();
    await answer.getByLabel('补充陈述').fill('收款账户为本人名下招商银行账户，尾号 1234。');
    await confirmDialog(answer, '提交', '提交补充材料');
    await expect.poll(() => applicationStatus(asked)).toBe('accepted');
    await expect
      .poll(async () => {
        await judge.reload();
        await section(judge, '可办理事项').waitFor();
        return courtState(judge);
      }, ACROSS_THE_LINK)
      .toBe('审查中');
    await expect.poll(() => judge.locator('#main-content').textContent()).toContain('尾号 1234');
    await courtAction(judge, '延长审查期限（院长批准）', '审查中', async (dialog) => {
      await dialog.getByLabel('延长审查期限的理由').fill('需核实收款账户信息');
      await dialog.getByLabel('批准延长的院长').fill('院长 陈某');
    });
    await courtAction(judge, '裁定调解协议有效', '裁定调解协议有效', async (dialog) => {
      await dialog.getByRole('textbox').first().fill('双方系自愿达成协议，内容不违反法律规定。');
    });
    const download = judge.getByRole('link', { name: /下载/ }).first();
    const courtPdf = await judge
      .context()
      .request.get(new URL((await download.getAttribute('href')) ?? '', env.system.urls.court).toString());
    expect(courtPdf.status()).toBe(200);
    const text = pdfText(await courtPdf.body()).replace(/\s+/g, '');
    expect(text).toContain('民事裁定书');
    expect(text).toContain(number as string);
    await expectAccessible(judge, 'court: agreement confirmed');

    // Both parties see it, download the ruling and verify it on the court platform's public page.
    for (const page of [pages.investor, pages.firm]) {
      const tab = await expect
        .poll(async () => applicationStatus(await confirmationTab(page)), ACROSS_THE_LINK)
        .toBe('confirmed')
        .then(() => page.getByRole('tabpanel'));
      await expect.poll(() => tab.textContent()).toContain('具有强制执行效力');
      const href = await tab.getByRole('link', { name: '下载裁定书（PDF）' }).getAttribute('href');
      const pdf = await page.context().request.get(new URL(href ?? '', env.system.urls.mediation).toString());
      expect(pdf.status()).toBe(200);
      expect(pdfText(await pdf.body()).replace(/\s+/g, '')).toContain('调解协议有效');
      const verifyHref = await tab.getByRole('link', { name: '在法院平台核验裁定书' }).getAttribute('href');
      await page.goto(verifyHref ?? '');
      await expect.poll(() => page.getByTestId('verify-verdict').textContent()).toContain('文书有效');
      await expect.poll(() => page.locator('body').textContent()).toContain('民事裁定书');
    }
    await expectAccessible(pages.firm, 'court: public verification of a ruling');
    expect(apiFailures).toEqual([]);
  });
});
