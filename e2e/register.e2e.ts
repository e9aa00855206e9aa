import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';

const PASSWORD = 'Blue-Harbour-77';
const NEW_PASSWORD = 'Quiet-River-2031';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function fillRegistration(page: Page, username: string, idNumber: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('姓名', { exact: true }).fill('周明远');
  await page.getByLabel('身份证号码', { exact: true }).fill(idNumber);
  await page.getByLabel('手机号码', { exact: true }).fill('13800138000');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('checkbox', { name: /个人信息处理授权书/ }).check();
}

describe('investor self-registration and password change through the UI', () => {
  const env = useRunningSystem();

  const username = `zhou_${randomBytes(3).toString('hex')}`;
  const idNumber = `33010619900101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}X`;

  it('registers, lands on the workbench, changes the password, signs out and back in with it', async () => {
    const url = env.system.urls.mediation;
    const page = await newPage(env.browser);
    await page.goto(`${url}/login`);
    await page.getByRole('link', { name: '注册新账户' }).click();
    await page.waitForURL(`${url}/register`);
    await expect.poll(() => page.getByTestId('personal-data-notice').textContent()).toContain('加密存储');
    await expectAccessible(page, 'register page');

    // The consent checkbox is required before anything is sent.
    await fillRegistration(page, username, idNumber);
    await page.getByRole('checkbox', { name: /个人信息处理授权书/ }).uncheck();
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByText('请阅读并勾选同意个人信息处理授权书').waitFor();
    await page.getByRole('checkbox', { name: /个人信息处理授权书/ }).check();
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL(`${url}/`);
    await page
      .getByRole('button', { name: /申请调解/ })
      .first()
      .waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('周明远');

    await page.getByRole('link', { name: '修改密码' }).click();
    await page.waitForURL(`${url}/account/password`);
    await page.getByLabel('当前密码', { exact: true }).waitFor();
    await expectAccessible(page, 'change-password page');
    await page.getByLabel('当前密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('password-changed').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误。').waitFor();
    await page.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('周明远');
    await page.context().close();
  });

  it('shows a second registration of the same person inline, without saying which field is taken', async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.system.urls.mediation}/register`);
    await fillRegistration(page, `other_${randomBytes(3).toString('hex')}`, idNumber);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或证件号已被注册' }).waitFor();
    expect(page.url()).toContain('/register');
    await expectAccessible(page, 'register page with an error');
    await page.context().close();
  });

  it('offers no registration on the court platform, but a password change from the header', async () => {
    const url = env.system.urls.court;
    const page = await newPage(env.browser);
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: '注册新账户' }).count()).toBe(0);
    await page.getByLabel('用户名', { exact: true }).fill('sh74_judge');
    await page.getByLabel('密码', { exact: true }).fill('Sutiao#2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.waitForURL(`${url}/account/password`);
    await page.getByLabel('当前密码', { exact: true }).waitFor();
    await expectAccessible(page, 'court change-password page');
    await page.context().close();
  });
});
