import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import { chooseOption } from './support/ui.ts';

const STEP_TIMEOUT = 60_000;

/** The figure a card shows, as a number (counts are printed with thousands separators). */
async function cardValue(page: Page, figure: string): Promise<number> {
  const text = (await page.locator(`[data-figure="${figure}"]`).textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

describe('statistics as a regulator reads them', () => {
  const env = useRunningSystem('mediation');

  it('opens the figures with their definitions, drills into the cases behind one, and exports the workbook', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.mediation;
    const page = await signInAs(env.browser, url, 'regulator1');
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计分析' }).click();
    await page.waitForURL(/\/statistics$/);
    await page.getByRole('heading', { level: 1, name: '统计分析' }).waitFor();
    await page.locator('[data-figure="registered"]').waitFor();
    // Each figure stands beside its definition (DOMAIN §5).
    await expect
      .poll(() => page.getByText('调解协议生效的案件数，按协议生效日计。', { exact: true }).count())
      .toBe(1);

    // The cards show what the API computes for the same period.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const api = await page.request.get(`${url}/api/statistics?from=${today.slice(0, 4)}-01-01&to=${today}`);
    const totals = (await api.json()).totals as Record<string, number>;
    expect(totals.registered).toBeGreaterThan(0);
    expect(await cardValue(page, 'registered')).toBe(totals.registered);
    expect(await cardValue(page, 'accepted')).toBe(totals.accepted);
    await expectAccessible(page, 'statistics');

    // Drill-down: the cases behind 登记 are as many as the figure, and each opens.
    await page.getByRole('button', { name: '查看案件: 登记' }).click();
    const drill = page.getByRole('heading', { level: 2, name: /“登记”的案件/ });
    await drill.waitFor();
    await expect.poll(() => drill.textContent()).toContain(`共 ${totals.registered} 件`);
    const section = page.locator('section[aria-labelledby="stats-drill"]');
    await expect.poll(() => section.getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'statistics drill-down');

    // Export: the workbook's total row carries the same count.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    let total: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '合计 Total') total = row.values as unknown[];
    });
    expect(total[header.indexOf('登记 Registered')]).toBe(totals.registered);

    // The monthly breakdown draws its chart (ECharts, loaded with this page only) and names every month in it.
    await expect.poll(() => page.getByRole('img', { name: /登记、受理、调解成功/ }).count()).toBe(1);
    const chart = await page.getByRole('img', { name: /登记、受理、调解成功/ }).getAttribute('aria-label');
    expect(chart).toContain(today.slice(0, 7));

    // By region: a province tile map; a region's tile opens as many cases as the API counts for it.
    await chooseOption(page, page, '分组', '地区');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const map = page.getByTestId('region-map');
    await map.waitFor();
    const byRegion = await page.request.get(
      `${url}/api/statistics?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=region`,
    );
    const groups = (await byRegion.json()).groups as Array<{ key: string; figures: { registered: number } }>;
    const region = groups.find((g) => g.key !== '' && g.figures.registered > 0);
    expect(region).toBeTruthy();
    const regionTile = map.getByRole('button', { name: new RegExp(`^${region?.key} 登记 `) });
    expect(await regionTile.getAttribute('aria-label')).toContain(String(region?.figures.registered));
    // A region without cases is a tile too, not a button.
    expect(await map.getByRole('img', { name: /^西藏 登记/ }).count()).toBe(1);
    await expectAccessible(page, 'statistics by region');
    await regionTile.click();
    await expect
      .poll(() =>
        page
          .getByRole('heading', { level: 2, name: `“登记 · ${region?.key}”的案件`, exact: false })
          .textContent(),
      )
      .toContain(`共 ${region?.figures.registered} 件`);
    await page.context().close();
  });
});

describe('statistics as the SPC’s court administrator reads them', () => {
  const env = useRunningSystem('court');

  it('opens the courts’ figures with their definitions, by court, and they match the API', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.court;
    const page = await signInAs(env.browser, url, 'spc_admin');
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计分析' }).click();
    await page.waitForURL(/\/court\/statistics$/);
    await page.getByRole('heading', { level: 1, name: '法院统计' }).waitFor();
    await page.locator('[data-figure="delegated"]').waitFor();
    await expect
      .poll(() => page.getByText('收到的司法确认申请数，按收到日计。', { exact: true }).count())
      .toBe(1);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const api = await page.request.get(
      `${url}/api/court/statistics?from=${today.slice(0, 4)}-01-01&to=${today}`,
    );
    expect(api.status()).toBe(200);
    const body = await api.json();
    for (const figure of ['delegated', 'entrusted', 'settled', 'confirmed'])
      expect(await cardValue(page, figure), figure).toBe(body.totals[figure]);
    // The court filter offers every court under the SPC.
    expect(body.courts.length).toBeGreaterThan(10);
    await expectAccessible(page, 'court statistics');
    await page.context().close();
  });
});
