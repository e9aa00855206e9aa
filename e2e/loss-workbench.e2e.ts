import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import { chooseOption, watchApi } from './support/ui.ts';

const CASE_NUMBER = '(2026)沪74民初45号';
const HEADER = 'investor_id,account_id,security,trade_date,seq,side,channel,quantity,price';
/** LOSS-SPEC §6 E1: with commission 0.0003 and stamp duty 0.001 the loss is 5,407.02. */
const E1_TRADES = [
  'INV-0001,A-0001,600123,2020-02-03,1,B,auction,1000,10',
  'INV-0001,A-0001,600123,2020-03-02,1,B,auction,1000,8',
  'INV-0001,A-0001,600123,2020-04-01,1,S,auction,500,12',
  'INV-0001,A-0001,600123,2020-06-05,1,S,auction,600,6',
  'INV-0001,A-0001,600123,2020-07-10,1,S,auction,900,4',
];
/** investor1 (张伟) is matched by ID number. */
const INVESTORS = 'investor_id,name,id_number\nINV-0001,张伟,31010119800101123X\n';

function fileCard(page: Page, title: string): Locator {
  // The page's own card holds the file cards too: the innermost match is the file's.
  return page.locator('.ant-card', { has: page.getByRole('heading', { name: title, exact: true }) }).last();
}

async function uploadCsv(page: Page, title: string, name: string, text: string): Promise<void> {
  await fileCard(page, title)
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

describe('loss workbench: from a court entrustment to an issued report the investor can look up', () => {
  const env = useRunningSystem('mediation');

  it('analyst1 creates, uploads, runs, explains, exports and issues; investor1 sees only their own 5,407.02', async () => {
    const url = env.system.urls.mediation;
    const page = await signInAs(env.browser, url, 'analyst1');
    // A refused upload answers 4xx with the problems: that one is expected.
    const failures = watchApi(
      page,
      (response) => response.status() === 422 && /\/files\//.test(response.url()),
    );

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '损失核定' }).click();
    await page.getByRole('heading', { name: '损失核定', level: 1 }).waitFor();
    await expectAccessible(page, 'loss assessments list');
    await page.getByRole('button', { name: '新建核定委托' }).click();
    await page.waitForURL(/\/loss\/new$/);

    // Step 1: the court's entrustment.
    await page.getByLabel('委托法院案号').fill(CASE_NUMBER);
    await chooseOption(page, page, '委托法院', '上海金融法院');
    await page.getByLabel('委托日期').fill('2026-03-02');
    await expectAccessible(page, 'new entrustment: court');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 2: the parameters the court fixed (LOSS-SPEC §6).
    await page.getByLabel('实施日').waitFor();
    await expect.poll(() => page.getByRole('radio', { name: '2022' }).isChecked()).toBe(true);
    // Impossible values are refused in words before anything is sent.
    await page.getByLabel('实施日').fill('2020-07-10');
    await page.getByLabel('揭露日/更正日').fill('2020-06-01');
    await page.getByLabel('基准价（元）').fill('abc');
    await page.getByLabel('佣金费率').fill('5');
    await page.getByRole('button', { name: '创建委托' }).click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          '揭露日须晚于实施日',
          '基准价须为以元计的数字，例如 12.34',
          '费率过高：须为不超过 0.01 的小数（0.0003 即万分之三）',
        ]),
      );
    expect(page.url()).toMatch(/\/loss\/new$/);
    await page.getByLabel('实施日').fill('2020-01-10');
    await page.getByLabel('揭露日/更正日').fill('2020-06-01');
    await page.getByLabel('基准日').fill('2020-06-30');
    await page.getByLabel('基准价（元）').fill('5.00');
    await page.getByLabel('佣金费率').fill('0.0003');
    await page.getByLabel('印花税率').fill('0.001');
    await expectAccessible(page, 'new entrustment: parameters');
    await page.getByRole('button', { name: '创建委托' }).click();
    await page.waitForURL(/\/loss\/(?!new)[^/]+$/);
    await page.getByRole('heading', { name: CASE_NUMBER, level: 1 }).waitFor();
    await expectAccessible(page, 'assessment: parameters');

    // Data: a trades file with a bad first line is refused with the line shown; the good one is kept.
    await page.getByRole('tab', { name: '数据' }).click();
    await uploadCsv(
      page,
      '交易记录',
      'trades-bad.csv',
      `${HEADER}\nINV-0001,A-0001,600123,2020-02-30,1,X,auction,1000,10\n${E1_TRADES.slice(1).join('\n')}\n`,
    );
    const problems = fileCard(page, '交易记录').getByRole('table');
    await expect
      .poll(() => fileCard(page, '交易记录').textContent())
      .toMatch(/交易记录有 \d+ 处问题，文件未保存/);
    const firstProblem = problems.locator('tbody tr').first();
    await expect.poll(() => firstProblem.textContent()).toContain('trades-bad.csv');
    const lineCell = await firstProblem.locator('td').nth(1).textContent();
    expect(lineCell).toBe('2');
    await expectAccessible(page, 'assessment: refused trades file');
    // A second refused file: the table shows its problems only, none left from the first file.
    await uploadCsv(
      page,
      '交易记录',
      'trades-bad2.csv',
      `${HEADER}\n${E1_TRADES.slice(0, 2).join('\n')}\nINV-0001,A-0001,600123,2020-04-01,1,S,auction,-5,12\n`,
    );
    await expect.poll(() => problems.locator('tbody tr').first().textContent()).toContain('trades-bad2.csv');
    const files = await problems.locator('tbody tr td:nth-child(1)').allTextContents();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file === 'trades-bad2.csv')).toBe(true);
    await uploadCsv(page, '交易记录', 'trades-e1.csv', `${HEADER}\n${E1_TRADES.join('\n')}\n`);
    await expect
      .poll(() => fileCard(page, '交易记录').getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('trades-e1.csv');
    expect(await fileCard(page, '交易记录').getByRole('table').count()).toBe(0);
    await uploadCsv(page, '投资者名单', 'investors.csv', INVESTORS);
    await expect
      .poll(() => fileCard(page, '投资者名单').getByRole('status').textContent())
      .toContain('investors.csv');
    await expectAccessible(page, 'assessment: data');

    // Run.
    await page.getByRole('tab', { name: '计算' }).click();
    await page.getByRole('button', { name: '开始计算' }).click();
    const done = page.locator('.ant-descriptions', { hasText: '计算完成' });
    await done.waitFor({ timeout: 60_000 });
    await expect.poll(() => done.textContent()).toMatch(/5,?407\.02/);
    await expectAccessible(page, 'assessment: run');

    // Result and its explanation.
    await page.getByRole('tab', { name: '结果' }).click();
    const row = page.getByRole('row', { name: /INV-0001/ });
    await expect.poll(() => row.textContent()).toMatch(/5,?407\.02/);
    await expectAccessible(page, 'assessment: results');
    await page.getByRole('button', { name: '查看说明 INV-0001' }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.textContent()).toContain('核定说明：INV-0001');
    await expect.poll(() => drawer.textContent()).toMatch(/5,?407\.02/);
    await expect.poll(() => drawer.textContent()).toContain('交易明细（计入与排除原因）');
    await expectAccessible(page, 'assessment: explanation');
    await drawer.getByRole('button', { name: '关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Export Excel, then issue the signed report.
    await page.getByRole('tab', { name: '出具与导出' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: '导出 Excel' })
        .or(page.getByRole('button', { name: '导出 Excel' }))
        .click(),
    ]);
    const xlsx = readFileSync(await download.path());
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByRole('button', { name: '出具核定意见书' }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    const issued = page.locator('.ant-descriptions', { hasText: '出具时间' });
    await issued.waitFor();
    await expect.poll(() => issued.textContent()).toMatch(/验证码\S+/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).locator('..').textContent())
      .toContain('已出具');
    await expectAccessible(page, 'assessment: issued');
    // The public link opens the human verify page, which knows loss-report codes.
    const verifyHref = await issued.getByRole('link').getAttribute('href');
    expect(verifyHref).toMatch(/^\/verify\/[0-9A-Z-]+$/);
    const verifyPage = await page.context().newPage();
    await verifyPage.goto(`${url}${verifyHref}`);
    await expect.poll(() => verifyPage.getByTestId('verify-verdict').textContent()).toContain('文书有效');
    await expect
      .poll(() => verifyPage.locator('#main-content, body').first().textContent())
      .toContain('损失核定报告');
    await expectAccessible(verifyPage, 'verify: loss report');
    await verifyPage.close();
    expect(failures).toEqual([]);
    await page.context().close();

    // investor1 sees their own result, and only theirs.
    const investor = await signInAs(env.browser, url, 'investor1');
    const investorFailures = watchApi(investor);
    await investor
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '我的损失核定结果' })
      .click();
    await investor.getByRole('heading', { name: '我的损失核定结果', level: 1 }).waitFor();
    const card = investor.locator('.ant-card', { hasText: CASE_NUMBER });
    await expect.poll(() => card.textContent()).toMatch(/5,?407\.02/);
    expect(await investor.locator('#main-content .ant-card').count()).toBe(1);
    // In words, not in the engine's symbols.
    const words = card.getByTestId('plain-loss');
    await expect.poll(() => words.textContent()).toContain('可以获得赔偿的股份共 1500 股');
    await expect.poll(() => words.textContent()).toContain('合计核定损失 5407.02 元');
    expect(await card.textContent()).not.toMatch(/\b(Ns|Ps|Nh|W1|W2)\b/);
    await expectAccessible(investor, 'my loss results');
    expect(investorFailures).toEqual([]);
    await investor.context().close();

    const other = await signInAs(env.browser, url, 'investor2');
    await other.goto(`${url}/my/loss-results`);
    await other.getByText('暂无与您身份证号匹配的已出具核定结果。').waitFor();
    await other.context().close();
    // One long journey (two refused files, validation, run, issue, verify, the investor's view).
  }, 360_000);
});
