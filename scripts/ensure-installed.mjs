// Installs the npm dependencies when a fresh clone has none, so `npm start` and `npm test` are single commands.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureInstalled() {
  if (existsSync('node_modules/.package-lock.json') && existsSync('node_modules/fastify')) return;
  console.log('▶ installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Builds the web client when dist/ is missing or older than its sources. */
export function ensureWebBuilt() {
  const dist = 'packages/web/dist/index.html';
  if (existsSync(dist) && !isStale(dist, 'packages/web/src')) return;
  console.log('▶ building the web client…');
  // Vitest sets NODE_ENV=test; inherited by the build, it would ship React's development build.
  const r = spawnSync('npm', ['run', 'build', '-w', '@sutiao/web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function isStale(builtFile, srcDir) {
  const built = statSync(builtFile).mtimeMs;
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > built,
    );
  return walk(srcDir) || statSync('packages/web/index.html').mtimeMs > built;
}
