import { describe, expect, it } from 'vitest';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import type { PlatformName } from './support/system.ts';
import { visitEveryMenuItem } from './support/walk.ts';

/** Every demo user in README.md, by platform. */
const DEMO_USERS: Record<PlatformName, string[]> = {
  mediation: [
    'investor1',
    'investor2',
    'investor3',
    'agent1',
    'firm_huaxin',
    'firm_donghai',
    'firm_xinghe',
    'mediator1',
    'mediator2',
    'mediator3',
    'center_admin',
    'ws_sh_admin',
    'analyst1',
    'regulator1',
    'm_sysadmin',
    'm_secadmin',
    'm_auditadmin',
  ],
  court: [
    'sh74_filing',
    'sh74_judge',
    'hp_filing',
    'hp_judge',
    'bj74_filing',
    'bj74_judge',
    'gz01_judge',
    'spc_admin',
    'shgy_admin',
    'c_sysadmin',
    'c_secadmin',
    'c_auditadmin',
  ],
};

/** Tried as a new user: every demo user signs in and opens every item of their side menu. */
describe('every demo user, every menu item: no dead ends', () => {
  const env = useRunningSystem();

  // Users with the same roles see the same pages: axe checks each page once per platform and set of roles.
  const axeSeen = new Set<string>();
  const cases = (['mediation', 'court'] as const).flatMap((platform) =>
    DEMO_USERS[platform].map((username) => ({ platform, username })),
  );

  it.each(cases)('$platform: $username', async ({ platform, username }) => {
    const url = env.system.urls[platform];
    const page = await signInAs(env.browser, url, username);
    const roles = (
      (await page.getByTestId('current-user').locator('span').nth(1).textContent()) ?? ''
    ).trim();
    const walk = await visitEveryMenuItem(page, url, {
      label: username,
      axe: true,
      axeKey: (path) => `${platform} ${roles} ${path}`,
      axeSeen,
    });
    await page.context().close();
    expect(walk.paths.length, `${username} has more than the workbench in the menu`).toBeGreaterThan(1);
    expect(walk.problems).toEqual([]);
  });
});
