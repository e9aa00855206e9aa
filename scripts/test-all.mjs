#!/usr/bin/env node
// Runs every test tier in order: unit + database (PGlite and PostgreSQL) + HTTP, then the Chromium journeys.
import { spawnSync } from 'node:child_process';
import { ensureInstalled } from './ensure-installed.mjs';

const run = (cmd, args, env = {}) => {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

ensureInstalled();
run('npx', ['vitest', 'run']);
if (process.env.SUTIAO_SKIP_E2E !== '1') {
  run('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']);
  // The audio/video journey, in its own loopback-only network namespace (scripts/test-av.mjs).
  run('node', ['scripts/test-av.mjs']);
}
