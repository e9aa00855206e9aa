#!/usr/bin/env node
// `npm run test:av`: the audio/video journey, alone. WebRTC between headless Chromiums needs the whole test — the
// platforms, Playwright and the browsers — inside a loopback-only network namespace (STACK.md), which takes root.
import { spawnSync } from 'node:child_process';
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();
if (process.getuid?.() !== 0) {
  console.error('test:av needs root for a network namespace (unshare -n); CI runs as root.');
  process.exit(1);
}
const vitest = 'npx vitest run --config e2e/av/vitest.config.ts';
const r = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && exec ${vitest}`], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: '' },
});
process.exit(r.status ?? 1);
