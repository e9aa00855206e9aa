import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';

describe('both platforms: sign-in and workbench', () => {
  const env = useRunningSystem();

  it('shows the court platform to a filing officer of 上海金融法院', async () => {
    const page = await signInAs(env.browser, env.system.urls.court, 'sh74_filing');
    await expect.poll(() => page.textContent('body')).toContain('人民法院调解平台');
    await expect.poll(() => page.textContent('body')).toContain('上海金融法院');
    await expectAccessible(page, 'court workbench');
    await page.context().close();
  });

  it('shows the mediation platform to an investor, with the apply action', async () => {
    const page = await signInAs(env.browser, env.system.urls.mediation, 'investor1');
    await expect.poll(() => page.textContent('body')).toContain('中国投资者网在线调解平台');
    // The workbench is a lazily loaded page: wait for it rather than sampling visibility once.
    await page
      .getByRole('button', { name: /申请调解/ })
      .first()
      .waitFor({ state: 'visible' });
    await expectAccessible(page, 'investor workbench');
    await page.context().close();
  });

  it('refuses a wrong password with the same message as an unknown user, and the login page is accessible', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${env.system.urls.mediation}/login`);
    await expectAccessible(page, 'login page');
    await page.getByLabel('用户名').fill('investor2');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
    await context.close();
  });
});
