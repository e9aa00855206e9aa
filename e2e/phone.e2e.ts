import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD } from './support/sign-in.ts';

const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** What goes wrong on a phone: sideways scrolling, a title one character wide, an unlabelled menu button. */
async function layoutProblems(page: Page, label: string): Promise<string[]> {
  await page.locator('h1').first().waitFor();
  const facts = await page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const box = h1?.getBoundingClientRect();
    const lineHeight = h1 ? Number.parseFloat(getComputedStyle(h1).lineHeight) || 30 : 30;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      h1Width: box?.width ?? 0,
      h1Lines: box ? Math.round(box.height / lineHeight) : 0,
      h1Chars: h1?.textContent?.length ?? 0,
    };
  });
  const problems: string[] = [];
  if (facts.scrollWidth > facts.innerWidth)
    problems.push(`${label}: scrolls sideways (${facts.scrollWidth} > ${facts.innerWidth})`);
  // One character per line: as many lines as characters (a long title may wrap to a few lines).
  if (facts.h1Chars > 3 && facts.h1Lines >= facts.h1Chars / 2)
    problems.push(`${label}: the title wraps to ${facts.h1Lines} lines for ${facts.h1Chars} characters`);
  return problems;
}

describe('on a phone (390 × 844)', () => {
  const env = useRunningSystem('mediation');

  it('the public pages fit the screen', async () => {
    const page = await phonePage(env.browser);
    const url = env.system.urls.mediation;
    const problems: string[] = [];
    for (const path of [
      '/login',
      '/register',
      '/verify',
      '/portal',
      '/public/statistics',
      '/public/mediators',
    ]) {
      await page.goto(`${url}${path}`);
      problems.push(...(await layoutProblems(page, path)));
      await expectAccessible(page, `phone ${path}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(['investor1', 'center_admin', 'firm_huaxin', 'mediator1', 'analyst1', 'regulator1', 'm_sysadmin'])(
    '%s: every menu page fits, through a labelled menu button',
    async (username) => {
      const url = env.system.urls.mediation;
      const page = await phonePage(env.browser);
      await page.goto(`${url}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const menuButton = page.getByRole('button', { name: '打开菜单' });
      await menuButton.waitFor();
      await menuButton.click();
      const drawer = page.getByRole('dialog');
      const links = drawer.getByRole('navigation', { name: '主导航' }).getByRole('link');
      await links.first().waitFor();
      const names = await links.allTextContents();
      const problems: string[] = [];
      for (const [index, name] of names.entries()) {
        if (index > 0) await menuButton.click();
        await drawer
          .getByRole('navigation', { name: '主导航' })
          .getByRole('link', { name, exact: true })
          .click();
        await drawer.waitFor({ state: 'hidden' });
        // Tables and lists load after the heading: measure once the page has settled.
        await page.waitForLoadState('networkidle');
        problems.push(...(await layoutProblems(page, `${username} ${name}`)));
        await expectAccessible(page, `phone ${username} ${name}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
