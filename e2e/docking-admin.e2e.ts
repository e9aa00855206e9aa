import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { DEMO_PASSWORD, signInAs } from './support/sign-in.ts';
import { chooseOption, watchApi } from './support/ui.ts';

/** A key the second peer "publishes": Ed25519, whose key id is the SHA-256 of its SubjectPublicKeyInfo. */
function peerKey() {
  const { publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex'),
  };
}

/** Steps wait up to a minute: the journeys share two cores with other runs. */
const STEP_TIMEOUT = 60_000;

async function openFromMenu(page: Page, name: string, path: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }).click();
  await page.waitForURL(path);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function phoneSignIn(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

describe('the docking link as the system administrator sees it', () => {
  const env = useRunningSystem();

  it('the mediation sys admin sees the court registered, registers a second peer, retires its key, opens the problems', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.mediation;
    const court = (await (await fetch(`${env.system.urls.court}/api/docking/identity`)).json()) as {
      platformId: string;
      keys: Array<{ keyId: string }>;
    };
    const page = await signInAs(env.browser, url, 'm_sysadmin');
    page.setDefaultTimeout(STEP_TIMEOUT);
    // The one refusal this journey provokes: a public key that is not one.
    const failures = watchApi(
      page,
      (r) => r.status() === 400 && new URL(r.url()).pathname === '/api/docking/peers',
    );

    await openFromMenu(page, '对接平台与密钥', /\/admin\/docking\/peers$/);
    await expect.poll(() => page.getByTestId('own-platform-id').textContent()).toBe('sutiao-mediation');
    await expect.poll(() => page.getByTestId('own-public-key').textContent()).toContain('BEGIN PUBLIC KEY');
    // The demo platforms register each other once both answer (SUTIAO_PEER_URL): reload until the court is there.
    const courtPeer = page.getByTestId(`peer-${court.platformId}`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('own-platform-id').waitFor();
          return courtPeer.count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await expect.poll(() => courtPeer.textContent()).toContain(court.keys[0]?.keyId ?? 'no court key');
    await expect.poll(() => courtPeer.textContent()).toContain('当前有效');
    await expectAccessible(page, 'docking peers (mediation)');

    // A second peer: first with a key that is not a key — the server's refusal shows beside the key field.
    const form = page.locator('#peer-form');
    await form.getByLabel('平台标识', { exact: true }).fill('second-court');
    await form.getByLabel('名称', { exact: true }).fill('第二中级人民法院');
    await form.getByLabel('对接地址', { exact: true }).fill('http://127.0.0.1:9');
    await form.getByLabel('公钥（PEM）', { exact: true }).fill('not a public key');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    const keyField = form.locator('.ant-form-item', { has: page.getByLabel('公钥（PEM）', { exact: true }) });
    await expect
      .poll(() => keyField.locator('.ant-form-item-explain-error').textContent())
      .toContain('公钥格式错误');
    await expect.poll(() => page.getByTestId('peer-second-court').count()).toBe(0);

    const key = peerKey();
    await form.getByLabel('公钥（PEM）', { exact: true }).fill(key.pem);
    await chooseOption(form, page, '签名算法', 'Ed25519');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    const second = page.getByTestId('peer-second-court');
    await second.waitFor();
    await expect.poll(() => second.textContent()).toContain(key.keyId);
    await expect.poll(() => second.textContent()).toContain('当前有效');

    // Retire it, through a confirmation that explains rotation.
    await second.getByRole('button', { name: `停用密钥 ${key.keyId}` }).click();
    const confirm = page.getByRole('dialog');
    await expect.poll(() => confirm.textContent()).toContain('应先为对方平台添加新密钥');
    await confirm.getByRole('button', { name: /^停\s*用$/ }).click();
    await expect.poll(() => second.textContent()).toContain('不在有效期内');
    await expect.poll(() => second.getByRole('button', { name: `停用密钥 ${key.keyId}` }).count()).toBe(0);
    // The court's key is untouched.
    await expect.poll(() => courtPeer.textContent()).toContain('当前有效');
    await expectAccessible(page, 'docking peers after a retirement');

    await openFromMenu(page, '对接异常', /\/admin\/docking\/problems$/);
    for (const heading of ['未能送达的报文', '本平台拒收的报文', '未处理的对账差异']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await expectAccessible(page, 'link problems (mediation)');
    expect(failures).toEqual([]);
    await page.context().close();
  });

  it('the court sys admin sees the mediation platform registered on the court side', {
    timeout: 240_000,
  }, async () => {
    const page = await signInAs(env.browser, env.system.urls.court, 'c_sysadmin');
    page.setDefaultTimeout(STEP_TIMEOUT);
    await openFromMenu(page, '对接平台与密钥', /\/admin\/docking\/peers$/);
    await expect.poll(() => page.getByTestId('own-platform-id').textContent()).toBe('sutiao-court');
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('own-platform-id').waitFor();
          return page.getByTestId('peer-sutiao-mediation').count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await expectAccessible(page, 'docking peers (court)');
    await openFromMenu(page, '对接异常', /\/admin\/docking\/problems$/);
    await expectAccessible(page, 'link problems (court)');
    await page.context().close();
  });

  it.each(['/admin/docking/peers', '/admin/docking/problems'])(
    '%s fits a 390 px phone',
    { timeout: 180_000 },
    async (path) => {
      const page = await phoneSignIn(env.browser, env.system.urls.mediation, 'm_sysadmin');
      await page.goto(`${env.system.urls.mediation}${path}`);
      await page.locator('h1').first().waitFor();
      // Wait for the cards' content, not only the heading: the wide parts are the lists and fingerprints.
      await page.locator('.ant-card-loading').first().waitFor({ state: 'detached' });
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      await expectAccessible(page, `phone ${path}`);
      await page.context().close();
    },
  );
});
