import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD, signInAs } from './support/sign-in.ts';
import { courtAction, courtSection, courtState } from './support/court-ui.ts';
import { chooseOption, chooseRadio, fireEvent, watchApi } from './support/ui.ts';

const COURT_USERS = ['sh74_filing', 'sh74_judge'] as const;
const MEDIATION_USERS = ['ws_sh_admin', 'mediator1', 'investor1', 'firm_huaxin'] as const;
type CourtUser = (typeof COURT_USERS)[number];
type MediationUser = (typeof MEDIATION_USERS)[number];

/** The link delivers within a few seconds; a journey waits this long for the other side. */
const ACROSS_THE_LINK = { timeout: 20_000, interval: 500 };
const WORKSTATION = '上海调解工作站';

/** 总对总: the court delegates and entrusts, the organization mediates on its own platform, the result comes back. */
describe('court and mediation organization across the docking link', () => {
  const env = useRunningSystem();
  const court = {} as Record<CourtUser, Page>;
  const mediation = {} as Record<MediationUser, Page>;
  const apiFailures: string[] = [];
  const axeSeen = new Set<string>();

  beforeAll(async () => {
    for (const user of COURT_USERS) {
      court[user] = await signInAs(env.browser, env.system.urls.court, user);
      apiFailures.push(...watchApi(court[user]).map((failure) => `${user}: ${failure}`));
    }
    for (const user of MEDIATION_USERS) {
      mediation[user] = await signInAs(env.browser, env.system.urls.mediation, user);
      apiFailures.push(...watchApi(mediation[user]).map((failure) => `${user}: ${failure}`));
    }
    // The platforms register each other at start, then the mediation platform publishes its directory: the
    // journeys begin once the court holds it, as a filing officer would find it on a working day.
    const holdsDirectory = async () => {
      const answer = await court.sh74_filing.request.get(`${env.system.urls.court}/api/court/directory`);
      const directory = (await answer.json()) as { items: Array<{ name: string }> };
      return directory.items.some((item) => item.name.includes(WORKSTATION));
    };
    const until = Date.now() + 150_000;
    while (!(await holdsDirectory())) {
      if (Date.now() > until) throw new Error('the court never received the directory over the link');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }, 240_000);

  /** axe once per page kind and state the journeys newly reach. */
  async function checkOnce(page: Page, label: string): Promise<void> {
    if (axeSeen.has(label)) return;
    axeSeen.add(label);
    await expectAccessible(page, label);
  }

  // ---- the court's pages ----

  const section = courtSection;

  const courtFact = (page: Page, label: string) =>
    section(page, '案件信息')
      .locator('.ant-descriptions-item', { hasText: label })
      .locator('.ant-descriptions-item-content')
      .first()
      .textContent();

  /** Reloads the court case page until its state reads `state` (messages cross asynchronously). */
  async function waitForCourtState(page: Page, state: string): Promise<void> {
    await expect
      .poll(async () => {
        await page.reload();
        await section(page, '可办理事项').waitFor();
        return courtState(page);
      }, ACROSS_THE_LINK)
      .toBe(state);
  }

  /** Picks an organization of the synced directory in the delegate/entrust dialog (it syncs at start). */
  async function chooseWorkstation(dialog: Locator, page: Page): Promise<void> {
    await chooseOption(dialog, page, '选择调解组织（来自已同步的名册）', WORKSTATION, { search: true });
    await chooseOption(dialog, page, '指定调解员（可选）', '刘调解');
  }

  /** The filing officer enters a complaint through the form: 张伟 (investor1's ID number) against 华信证券. */
  async function enterComplaint(claims: string, amount: string, facts: string): Promise<string> {
    const page = court.sh74_filing;
    await page.goto(`${env.system.urls.court}/court`);
    await page.getByRole('link', { name: '登记诉状' }).first().click();
    await page.waitForURL(/\/court\/cases\/new$/);
    await page.getByRole('heading', { level: 1, name: '登记诉状' }).waitFor();
    await checkOnce(page, 'court: new complaint form');
    const party = (n: number) =>
      page.locator('.ant-card', { has: page.getByRole('heading', { name: `当事人 ${n}`, exact: true }) });
    await party(1).getByLabel('姓名或名称').fill('张伟');
    await party(1).getByLabel('身份证号码 / 统一社会信用代码').fill('31010119800101123X');
    await party(1).getByLabel('联系电话').fill('13812345678');
    await party(2).getByLabel('姓名或名称').fill('华信证券股份有限公司');
    await party(2).getByLabel('身份证号码 / 统一社会信用代码').fill('91310000MA1HX0001A');
    await page.getByLabel('诉讼请求').fill(claims);
    await page.getByLabel('标的金额（元）').fill(amount);
    await page.getByLabel('事实与理由').fill(facts);
    await page.getByRole('button', { name: '登记诉状', exact: true }).click();
    await page.waitForURL(/\/court\/cases\/(?!new$)[^/]+$/);
    await section(page, '可办理事项').waitFor();
    expect(await courtState(page)).toBe('已收诉状（待征询调解意愿）');
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  }

  // ---- the mediation platform's pages ----

  /** The organization's queue, reloaded until the court's referral (tagged with its court number) is in it. */
  async function openReferral(page: Page, courtNumber: string): Promise<string> {
    await page.goto(`${env.system.urls.mediation}/cases`);
    const tag = page.locator(`#main-content .ant-tag[title="${courtNumber}"]`);
    await expect
      .poll(async () => {
        await page.reload();
        await page.locator('#main-content table').first().waitFor();
        return tag.count();
      }, ACROSS_THE_LINK)
      .toBe(1);
    await checkOnce(page, `mediation: case queue with a referral (${await tag.textContent()})`);
    await page
      .getByRole('row')
      .filter({ has: page.locator(`.ant-tag[title="${courtNumber}"]`) })
      .getByRole('link')
      .first()
      .click();
    await page.getByTestId('case-number').waitFor();
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  }

  /** The workstation administrator signs for the referral, sets the simple track and assigns 刘调解. */
  async function signForAndAssign(admin: Page): Promise<void> {
    await fireEvent(admin, '签收', 'accepted');
    await fireEvent(admin, '确定调解程序', 'accepted', async (dialog) => {
      await chooseOption(dialog, admin, '调解程序', '简易程序');
    });
    await fireEvent(admin, '指派调解员', 'mediating', async (dialog) => {
      await chooseOption(dialog, admin, '调解员', '刘调解');
    });
  }

  async function openMediationCase(page: Page, id: string): Promise<void> {
    await page.goto(`${env.system.urls.mediation}/cases/${id}`);
    await page.getByTestId('case-number').waitFor();
  }

  /** The link's message history on the mediation case page ('法院对接'), in its table's text. */
  async function linkHistory(page: Page): Promise<string> {
    await page.getByRole('tab', { name: '法院对接' }).click();
    const panel = page.getByRole('tabpanel');
    // the tab loads its messages when opened: read it once the first message is listed
    await panel.locator('tr.ant-table-row').first().waitFor();
    return (await panel.textContent()) ?? '';
  }

  it('(a) delegates a complaint; the workstation signs for it and assigns; mediation fails; the court files it with a 民初 number', {
    timeout: 600_000,
  }, async () => {
    const officer = court.sh74_filing;
    const admin = mediation.ws_sh_admin;
    const mediator = mediation.mediator1;

    await officer.goto(`${env.system.urls.court}/court`);
    await officer.getByRole('heading', { level: 1 }).waitFor();
    await checkOnce(officer, 'court: workbench (filing officer)');

    const id = await enterComplaint(
      '判令被告赔偿原告投资损失人民币 52,000 元',
      '52000',
      '原告于 2024 年在被告处开户，被告未进行适当性评估即推荐高风险产品。',
    );
    await checkOnce(officer, 'court: complaint entered');
    await courtAction(officer, '记录同意调解', '当事人同意调解（待委派）', async (dialog) => {
      await dialog.getByLabel(/当事人同意调解的方式与时间/).fill('双方于立案窗口书面同意诉前调解');
    });
    await courtAction(officer, '委派调解', '已委派（待签收）', async (dialog) => {
      await checkOnce(officer, 'court: delegate dialog');
      await chooseWorkstation(dialog, officer);
    });
    const preFiling = ((await courtFact(officer, '诉前调解案号')) ?? '').trim();
    expect(preFiling).toMatch(/^\(\d{4}\)沪74民诉前调\d+号$/);
    expect(await courtFact(officer, '调解组织')).toContain(WORKSTATION);
    await checkOnce(officer, 'court: case delegated');

    // The workstation finds it in its queue, marked as the court's, with the court's number and period.
    const caseId = await openReferral(admin, preFiling);
    expect(await admin.locator('#main-content [data-status]').first().getAttribute('data-status')).toBe(
      'awaiting_receipt',
    );
    const banner = admin.getByTestId('referral-banner');
    await expect.poll(() => banner.textContent()).toContain('法院诉前委派');
    await expect.poll(() => banner.textContent()).toContain('上海金融法院');
    await expect.poll(() => banner.textContent()).toContain(preFiling);
    await expect.poll(() => banner.textContent()).toMatch(/法院调解期限至 \d{4}-\d{2}-\d{2}/);
    await checkOnce(admin, 'mediation: referral awaiting receipt');
    expect(await linkHistory(admin)).toContain('收到');
    await checkOnce(admin, 'mediation: the court link tab');

    await signForAndAssign(admin);

    // The court sees the receipt come back: mediating, with the organization's own case number.
    await waitForCourtState(officer, '调解中');
    const orgNumber = ((await admin.getByTestId('case-number').textContent()) ?? '').trim();
    expect(orgNumber).toMatch(/中证调/);
    await expect.poll(() => courtFact(officer, '调解组织案号')).toBe(orgNumber);
    await checkOnce(officer, 'court: case being mediated');

    // The mediator cannot bring the parties together: failed, with a coded reason and the undisputed facts.
    await openMediationCase(mediator, caseId);
    await checkOnce(mediator, 'mediation: referral being mediated (mediator)');
    await fireEvent(mediator, '调解不成', 'failed', async (dialog) => {
      await chooseOption(dialog, mediator, '原因', '双方金额分歧过大');
      await dialog.getByLabel('无争议事实记载').fill('原告于2024年3月在被告处开户并购入产品。');
    });
    await checkOnce(mediator, 'mediation: referral failed');

    // The closing report reaches the court; the filing officer registers and files the case.
    await waitForCourtState(officer, '调解不成（待立案）');
    const report = section(officer, '结案报告');
    await expect.poll(() => report.textContent()).toContain('调解不成');
    await expect
      .poll(() => courtFact(officer, '无争议事实'))
      .toContain('原告于2024年3月在被告处开户并购入产品。');
    await checkOnce(officer, 'court: closing report (failed)');
    await courtAction(officer, '登记立案', '已登记立案', async (dialog) => {
      await expect
        .poll(() => dialog.getByLabel('无争议事实（默认取结案报告）').inputValue())
        .toContain('原告于2024年3月在被告处开户并购入产品。');
    });
    const filing = ((await courtFact(officer, '立案案号')) ?? '').trim();
    expect(filing).toMatch(/^\(\d{4}\)沪74民初\d+号$/);
    await expect.poll(() => officer.getByRole('heading', { level: 1 }).textContent()).toContain(filing);
    await checkOnce(officer, 'court: case filed');

    // The filed case (the trial's own record) carries the undisputed facts; the link's history shows both ways.
    const messages = await section(officer, '对接消息记录').textContent();
    expect(messages).toContain('发出');
    expect(messages).toContain('收到');
    await section(officer, '案件信息').getByRole('link', { name: '打开' }).click();
    await officer.waitForURL((url) => !url.pathname.endsWith(`/${id}`));
    await section(officer, '可办理事项').waitFor();
    await expect.poll(() => courtState(officer)).toBe('已立案（可委托调解）');
    await expect.poll(() => courtFact(officer, '立案案号')).toBe(filing);
    await expect
      .poll(() => courtFact(officer, '无争议事实'))
      .toContain('原告于2024年3月在被告处开户并购入产品。');
    await checkOnce(officer, 'court: the filed case');

    // The organization is told the case was filed, on its timeline.
    await openMediationCase(admin, caseId);
    await expect
      .poll(async () => {
        await admin.getByRole('button', { name: '刷新' }).click();
        await admin.getByRole('tab', { name: '时间线' }).click();
        return admin.getByRole('tabpanel').textContent();
      }, ACROSS_THE_LINK)
      .toContain(`法院已登记立案：${filing}`);
    await checkOnce(admin, 'mediation: timeline with the filing notice');
    expect(apiFailures).toEqual([]);
  });

  it('(b) entrusts a filed case; the parties sign an agreement; the judge issues a 调解书; both sides see it', {
    timeout: 600_000,
  }, async () => {
    const officer = court.sh74_filing;
    const judge = court.sh74_judge;
    const admin = mediation.ws_sh_admin;
    const mediator = mediation.mediator1;
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

    // A complaint the defendant would not mediate before filing: filed at once.
    const complaint = await enterComplaint(
      '判令被告赔偿原告投资损失人民币 30,000 元',
      '30000',
      '被告未履行适当性义务，向原告推荐与其风险承受能力不符的产品。',
    );
    await courtAction(officer, '记录不同意调解', '当事人不同意调解（待立案）', async (dialog) => {
      await dialog.getByLabel('不同意调解的当事人及理由').fill('被告不同意诉前调解');
    });
    await checkOnce(officer, 'court: mediation refused');
    await courtAction(officer, '登记立案', '已登记立案');
    const filing = ((await courtFact(officer, '立案案号')) ?? '').trim();
    expect(filing).toMatch(/^\(\d{4}\)沪74民初\d+号$/);
    const trialHref = await section(officer, '案件信息')
      .getByRole('link', { name: '打开' })
      .getAttribute('href');
    const trialId = trialHref?.split('/').pop() ?? '';
    expect(trialId).not.toBe(complaint);

    // The judge finds the filed case in the list, records consent in court and entrusts it.
    await judge.goto(`${env.system.urls.court}/court/cases`);
    await judge.getByRole('link', { name: filing }).first().click();
    await judge.waitForURL(new RegExp(`/court/cases/${trialId}$`));
    await section(judge, '可办理事项').waitFor();
    await expect.poll(() => courtState(judge)).toBe('已立案（可委托调解）');
    await checkOnce(judge, 'court: filed case (judge)');
    await courtAction(judge, '记录同意委托调解', '当事人同意委托调解（待委托）', async (dialog) => {
      await dialog.getByLabel(/当事人同意调解的方式与时间/).fill('庭审中双方同意委托调解');
    }).catch(async (error: unknown) => {
      throw new Error(`${(error as Error).message}; the page reads ${await courtState(judge)}`);
    });
    await courtAction(judge, '委托调解', '已委托（待签收）', async (dialog) => {
      await chooseWorkstation(dialog, judge);
      await chooseRadio(dialog.getByRole('radio', { name: '普通程序（15 日）' }));
      await checkOnce(judge, 'court: entrust dialog');
    });
    await expect.poll(() => courtFact(judge, '适用程序')).toContain('普通');
    await checkOnce(judge, 'court: case entrusted');

    // The workstation signs for it and assigns the mediator.
    const caseId = await openReferral(admin, filing);
    await expect.poll(() => admin.getByTestId('referral-banner').textContent()).toContain('法院诉中委托');
    await checkOnce(admin, 'mediation: entrusted referral awaiting receipt');
    await signForAndAssign(admin);
    await waitForCourtState(judge, '委托调解中');

    // The mediator drafts the agreement; the mediator and both parties sign with their password; the center seals.
    await openMediationCase(mediator, caseId);
    await fireEvent(mediator, '起草调解协议', 'agreement_pending', async (dialog) => {
      await dialog.getByLabel('协议金额（元）').fill('25000');
      await dialog
        .getByLabel('履行方式与条款')
        .fill('被告于履行期限前一次性银行转账支付原告人民币 25,000 元。');
      await dialog.getByLabel('履行期限').fill(dueDate);
    });
    const sign = async (page: Page, action: '签署调解协议' | '加盖印章', toStatus: string) => {
      await fireEvent(page, action, toStatus, async (dialog) => {
        await expect.poll(() => dialog.textContent()).toContain('¥25,000.00');
        await dialog.getByLabel('登录密码').fill(DEMO_PASSWORD);
      });
    };
    await sign(mediator, '签署调解协议', 'agreement_pending');
    // The plaintiff and the defendant were matched to the court's parties by ID number and credit code.
    for (const party of [mediation.investor1, mediation.firm_huaxin]) {
      await party.goto(`${env.system.urls.mediation}/cases`);
      await party
        .getByRole('link', { name: (await mediator.getByTestId('case-number').textContent()) ?? '' })
        .click();
      await party.getByTestId('case-number').waitFor();
      await checkOnce(
        party,
        `mediation: entrusted case, agreement to sign (${party === mediation.investor1 ? 'plaintiff' : 'defendant'})`,
      );
      await sign(party, '签署调解协议', 'agreement_pending');
    }
    await openMediationCase(admin, caseId);
    await sign(admin, '加盖印章', 'agreement_effective');
    await checkOnce(admin, 'mediation: entrusted case settled');

    // The sealed agreement reaches the court in the closing report; the judge issues the 调解书.
    await waitForCourtState(judge, '调解成功（待出具调解书或撤诉）');
    const report = section(judge, '结案报告');
    await expect.poll(() => report.textContent()).toContain('¥25,000.00');
    await checkOnce(judge, 'court: closing report (settled)');
    await courtAction(judge, '出具调解书', '已出具调解书', async (dialog) => {
      await expect
        .poll(() => dialog.getByLabel('调解书确认的协议内容（默认取调解协议）').inputValue())
        .toContain('银行转账');
    });
    const documents = section(judge, '法律文书');
    await expect.poll(() => documents.textContent()).toContain(filing);
    const download = documents.getByRole('link', { name: '下载 PDF' });
    const pdf = await judge
      .context()
      .request.get(new URL((await download.getAttribute('href')) ?? '', env.system.urls.court).toString());
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await checkOnce(judge, 'court: 调解书 issued');

    // Both sides see it: the organization and the plaintiff on the mediation case's timeline.
    for (const page of [admin, mediation.investor1]) {
      await openMediationCase(page, caseId);
      await expect
        .poll(async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          await page.getByRole('tab', { name: '时间线' }).click();
          return page.getByRole('tabpanel').textContent();
        }, ACROSS_THE_LINK)
        .toContain(`法院已出具民事调解书：${filing}`);
    }
    await checkOnce(mediation.investor1, 'mediation: timeline with the 调解书 notice (plaintiff)');
    expect(await linkHistory(admin)).toContain('收到');
    expect(apiFailures).toEqual([]);
  });
});
