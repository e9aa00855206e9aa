import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { watchApi } from './support/ui.ts';

const STEP_TIMEOUT = 60_000;

describe('the public portal, as an elderly visitor reads it', () => {
  const env = useRunningSystem('mediation');

  it('opens from the sign-in page, switches to elderly mode, and every public page passes axe in it', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.mediation;
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    // An anonymous visitor's session check answers 401, as it should.
    const failures = watchApi(page, (r) => new URL(r.url()).pathname === '/api/me' && r.status() === 401);
    await page.goto(`${url}/login`);
    await page.getByRole('link', { name: '投资者服务' }).click();
    await page.getByRole('heading', { level: 1, name: '投资者服务' }).waitFor();
    for (const section of ['如何申请调解', '纠纷类型指引', '常见问题'])
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    expect(await page.getByText('《证券法》第九十四条', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'portal');

    // Elderly mode: larger text, kept across pages and reloads.
    const toggle = page.getByRole('button', { name: '长辈模式' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThanOrEqual(20);
    expect(after).toBeGreaterThan(before);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '投资者服务' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
    await page.getByText('调解协议有什么效力？').click();
    await page.getByText('经人民法院司法确认后', { exact: false }).waitFor();
    await expectAccessible(page, 'portal in elderly mode');

    // Public statistics: no cell under 10.
    await page.getByRole('link', { name: '公开统计' }).click();
    await page.getByRole('heading', { level: 1, name: '公开统计' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /合计/ }).count()).toBe(2);
    const cells = await page.locator('tbody td').allTextContents();
    for (const text of cells) {
      const n = Number(text.replace(/,/g, ''));
      if (text !== '' && Number.isInteger(n) && !text.includes('%')) expect(n === 0 || n >= 10).toBe(true);
    }
    await expectAccessible(page, 'public statistics in elderly mode');

    // The roster with its figures, and document verification, in elderly mode too.
    await page.goto(`${url}/public/mediators`);
    await page.getByRole('heading', { level: 1, name: '调解员名录与公开数据' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /刘调解/ }).count()).toBe(1);
    await expectAccessible(page, 'public roster in elderly mode');
    await page.goto(`${url}/verify`);
    await page.getByRole('heading', { level: 1, name: '文书验证' }).waitFor();
    await expectAccessible(page, 'verify in elderly mode');
    expect(failures).toEqual([]);
    await context.close();
  });
});
