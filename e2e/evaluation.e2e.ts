import { describe, expect, it } from 'vitest';
import { apiAs, CONSENTS } from './support/api.ts';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import { watchApi } from './support/ui.ts';

const STEP_TIMEOUT = 60_000;

describe('evaluation: a party rates a mediation, the center reads the scorecards, anyone reads the roster', () => {
  const env = useRunningSystem('mediation');

  it('the investor answers the survey after a failed mediation; the scorecards, the weights and the public roster open', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.mediation;
    const investorPage = await signInAs(env.browser, url, 'investor1');
    investorPage.setDefaultTimeout(STEP_TIMEOUT);
    const failures = watchApi(investorPage);
    // A mediation that ended without settlement, through the API (the lifecycle A journeys click these steps).
    const investor = await apiAs(investorPage, url);
    const created = await investor.post('/api/cases', {
      respondentOrgId: 'firm-huaxin',
      claimAmountFen: 1_200_000,
      facts: '2025年3月购入的理财产品风险等级与本人风险承受能力不匹配。',
      requests: '请求赔偿投资损失人民币 12,000 元。',
      evidenceIds: [],
      consents: CONSENTS,
      submit: true,
    });
    const adminPage = await signInAs(env.browser, url, 'center_admin');
    const admin = await apiAs(adminPage, url);
    const firm = await apiAs(await signInAs(env.browser, url, 'firm_huaxin'), url);
    const mediator = await apiAs(await signInAs(env.browser, url, 'mediator1'), url);
    await admin.fire(created.id, 'register');
    await admin.fire(created.id, 'consult-respondent');
    await firm.fire(created.id, 'respondent-reply', { willing: true });
    await admin.fire(created.id, 'accept');
    await admin.fire(created.id, 'set-track', { track: 'simple' });
    const roster = await admin.get('/api/mediators');
    const mediatorId = roster.items.find((m: { displayName: string }) => m.displayName === '刘调解')?.id;
    await admin.fire(created.id, 'assign-mediator', { mediatorId });
    await mediator.fire(created.id, 'fail', { reasonCode: 'amount-gap' });

    // The investor rates how the mediation was conducted, on the case page.
    await investorPage.goto(`${url}/cases/${created.id}`);
    const survey = investorPage.getByTestId('survey');
    await survey.getByRole('heading', { name: '满意度评价' }).waitFor();
    await expectAccessible(investorPage, 'survey');
    for (const question of [
      '调解员是否认真倾听了您的意见？',
      '调解程序和您的权利是否向您解释清楚？',
      '调解员是否公正、不偏向任何一方？',
      '您是否受到尊重和礼貌对待？',
      '总体而言，您对本次调解服务是否满意？',
    ])
      await survey.getByRole('radiogroup', { name: question }).getByRole('radio', { name: '4' }).check();
    await survey.getByRole('button', { name: /提交评价/ }).click();
    await investorPage.getByText('感谢您的评价。').waitFor();
    const stored = await investor.get(`/api/cases/${created.id}/survey`);
    expect(stored).toMatchObject({ submitted: true, side: 'investor' });

    // The center's administrator reads this year's scorecards with the weights in force.
    adminPage.setDefaultTimeout(STEP_TIMEOUT);
    const adminFailures = watchApi(adminPage);
    await adminPage
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '评估考核' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: '评估考核' }).waitFor();
    await expect
      .poll(() => adminPage.getByTestId('scorecard-version').textContent())
      .toContain('权重方案：第 1 版');
    await expect.poll(() => adminPage.getByRole('row', { name: /刘调解/ }).count()).toBe(1);
    await expectAccessible(adminPage, 'scorecards');
    await adminPage.getByRole('tab', { name: '权重方案' }).click();
    await expect.poll(() => adminPage.getByRole('tabpanel').getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(adminPage, 'weights');

    // Anyone reads the roster with the public figures, none under 10.
    const visitor = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${url}/public/mediators`);
    await page.getByRole('heading', { level: 1, name: '调解员名录与公开数据' }).waitFor();
    const row = page.getByRole('row', { name: /刘调解/ });
    await expect.poll(() => row.textContent()).toContain('<10');
    await expectAccessible(page, 'public mediator roster');
    expect(failures).toEqual([]);
    expect(adminFailures).toEqual([]);
    await Promise.all([investorPage.context().close(), adminPage.context().close(), visitor.close()]);
  });
});
