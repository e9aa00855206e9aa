import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import { visitEveryMenuItem } from './support/walk.ts';

const COURT_USERS = [
  { username: 'sh74_filing', court: '上海金融法院', role: '立案庭法官/书记员' },
  { username: 'sh74_judge', court: '上海金融法院', role: '法官' },
  { username: 'spc_admin', court: '最高人民法院', role: '法院管理员' },
  { username: 'c_auditadmin', court: null, role: '审计管理员' },
] as const;

describe('the court platform as a new user', () => {
  const env = useRunningSystem('court');

  it.each(COURT_USERS)(
    '$username sees a workbench with their court and role, no dead ends, and signs out',
    async ({ username, court, role }) => {
      const url = env.system.urls.court;
      const page = await signInAs(env.browser, url, username);
      await expect.poll(() => page.getByTestId('platform-name').textContent()).toContain('人民法院调解平台');
      await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(role);
      if (court) await expect.poll(() => page.getByTestId('user-court').textContent()).toBe(court);
      await expectAccessible(page, `court workbench (${username})`);

      const visited = await visitEveryMenuItem(page, url, { label: username, axe: true });
      expect(visited.problems).toEqual([]);
      expect(visited.paths).toContain('/');

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/login$/);
      await page.getByLabel('用户名').waitFor();
      // Signed out for real: the app's pages lead back to the login page.
      await page.goto(`${url}/inbox`);
      await page.waitForURL(/\/login/);
      await page.context().close();
    },
  );

  it('switches the interface to English and back, with the lang attribute', async () => {
    const url = env.system.urls.court;
    const page = await signInAs(env.browser, url, 'sh74_filing');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workbench');
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Court workbench').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'court workbench (English)');
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('中文').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('工作台');
    await page.context().close();
  });
});
