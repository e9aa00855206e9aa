import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type PlatformName, type RunningSystem, startSystem } from './system.ts';

export interface JourneyEnv {
  system: RunningSystem;
  browser: Browser;
}

/**
 * One file's platforms (as real processes, fresh databases) and one Chromium, started before its tests and
 * stopped after them. Call inside `describe`; read `env.system` / `env.browser` inside tests and hooks.
 * `options.env`: extra environment variables for the platforms, read when they start (after the `beforeAll`
 * hooks registered before this call have run, so it may name a port one of them chose).
 */
export function useRunningSystem(
  platform?: PlatformName,
  options: { media?: boolean; env?: () => Record<string, string> } = {},
): JourneyEnv {
  const env = {} as JourneyEnv;
  beforeAll(async () => {
    [env.system, env.browser] = await Promise.all([
      startSystem(platform, { env: options.env?.() }),
      launchBrowser(options),
    ]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.system?.stop();
  });
  return env;
}
