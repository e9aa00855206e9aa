import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';

describe('one investor never sees another investor’s case', () => {
  const env = useRunningSystem('mediation');

  it('shows investor2 a not-found page for investor1’s case URL, and never lists it', async () => {
    const url = env.system.urls.mediation;
    const owner = await signInAs(env.browser, url, 'investor1');
    await owner.goto(`${url}/cases`);
    const firstCase = owner
      .getByRole('table')
      .getByRole('link', { name: /中证调/ })
      .first();
    await firstCase.waitFor();
    const caseNumber = ((await firstCase.textContent()) ?? '').trim();
    const href = (await firstCase.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/cases\/.+/);
    expect(caseNumber).toMatch(/中证调/);
    await owner.context().close();

    const other = await signInAs(env.browser, url, 'investor2');
    await other.goto(`${url}${href}`);
    await expect.poll(() => other.getByRole('heading', { level: 1 }).textContent()).toMatch(/不存在|未找到/);
    expect(await other.getByTestId('case-number').count()).toBe(0);
    expect(await other.textContent('body')).not.toContain(caseNumber);
    await expectAccessible(other, 'case not found');
    // The API agrees: the same answer as for a case that does not exist.
    const direct = await other.context().request.get(`${url}/api${href}`);
    expect(direct.status()).toBe(404);
    const missing = await other
      .context()
      .request.get(`${url}/api/cases/00000000-0000-4000-8000-000000000000`);
    expect(missing.status()).toBe(404);

    await other.goto(`${url}/cases`);
    await other.getByRole('table').waitFor();
    await other.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await other.getByRole('table').textContent()).not.toContain(caseNumber);
    await other.context().close();
  });
});
