import type { Page } from 'playwright-core';
import { expectAccessible } from './browser.ts';

export interface WalkResult {
  /** Paths of the side-menu items, in menu order. */
  paths: string[];
  /** Everything that went wrong: failed API requests, script errors, not-found or error pages, empty pages. */
  problems: string[];
}

/**
 * Clicks every side-menu item of a signed-in page and checks each page it opens: no API answer ≥ 400 (a 5xx or an
 * unexpected 4xx is a dead end for the user), no uncaught script error, no not-found/error result, a rendered h1.
 * With `axe`, each page is also checked for accessibility (`axeSeen` skips pages already checked, by key).
 */
export async function visitEveryMenuItem(
  page: Page,
  baseUrl: string,
  options: { label: string; axe: boolean; axeKey?: (path: string) => string; axeSeen?: Set<string> },
): Promise<WalkResult> {
  const problems: string[] = [];
  const onResponse = (response: { url(): string; status(): number; request(): { method(): string } }) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) {
      problems.push(
        `${options.label}: ${response.request().method()} ${url.pathname} → ${response.status()}`,
      );
    }
  };
  const onError = (error: Error) => problems.push(`${options.label}: script error ${error.message}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`${options.label}: console error ${message.text()}`);
  };
  page.on('response', onResponse);
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await page.goto(`${baseUrl}/`);
    const menu = page.getByRole('navigation', { name: '主导航' });
    await menu.getByRole('link').first().waitFor();
    const links = await menu.getByRole('link').all();
    const items: { name: string; path: string }[] = [];
    for (const link of links) {
      items.push({
        name: ((await link.textContent()) ?? '').trim(),
        path: (await link.getAttribute('href')) ?? '',
      });
    }
    for (const item of items) {
      await menu.getByRole('link', { name: item.name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === item.path);
      // Navigations are transitions: the old page stays until the new one is ready, and the menu then marks it.
      const marked = menu
        .locator('.ant-menu-item-selected')
        .filter({ has: page.getByText(item.name, { exact: true }) });
      try {
        await marked.waitFor({ timeout: 15_000 });
      } catch {
        const selected = (await menu.locator('.ant-menu-item-selected').allTextContents()).map((t) =>
          t.trim(),
        );
        problems.push(
          `${options.label}: on ${item.path} the menu marks ${JSON.stringify(selected)}, not ${item.name}`,
        );
      }
      const heading = page.locator('#main-content h1').first();
      try {
        await heading.waitFor({ timeout: 15_000 });
      } catch {
        problems.push(`${options.label}: ${item.path} (${item.name}) rendered no page heading`);
        continue;
      }
      await page
        .locator('#main-content .ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => {});
      const text = (await heading.textContent()) ?? '';
      if (/页面不存在|Page not found/.test(text))
        problems.push(`${options.label}: ${item.path} is a not-found page`);
      const errorResults = await page
        .locator('#main-content .ant-result-error, #main-content .ant-result-404')
        .count();
      if (errorResults > 0) problems.push(`${options.label}: ${item.path} shows an error result`);
      const errorToasts = await page.locator('.ant-message-error').count();
      if (errorToasts > 0) {
        problems.push(
          `${options.label}: ${item.path} shows an error: ${await page.locator('.ant-message-error').first().textContent()}`,
        );
      }
      const key = options.axeKey ? options.axeKey(item.path) : item.path;
      if (options.axe && !options.axeSeen?.has(key)) {
        options.axeSeen?.add(key);
        try {
          await expectAccessible(page, `${options.label} ${item.path}`);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
    return { paths: items.map((item) => item.path), problems };
  } finally {
    page.off('response', onResponse);
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
}
