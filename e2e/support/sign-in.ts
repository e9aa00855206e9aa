import type { Browser, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Sutiao#2026';

/** A fresh browser context (its own cookies) signed in as a demo user through the login page. */
export async function signInAs(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}
