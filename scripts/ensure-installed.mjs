// Installs the npm dependencies when a fresh clone has none, and builds the web client and the server when their
// sources are newer than the build, so `npm start` and `npm test` are single commands.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function ensureInstalled() {
  if (existsSync('node_modules/.package-lock.json') && existsSync('node_modules/fastify')) return;
  console.log('▶ installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Builds the web client when dist/ is missing or older than its sources. */
export function ensureWebBuilt() {
  ensureBuilt('the web client', 'packages/web/dist/index.html', {
    sources: [
      'packages/web/src',
      'packages/web/index.html',
      'packages/web/vite.config.ts',
      'packages/web/precompress-plugin.ts',
      'packages/loss-engine/src/result-columns.ts',
      'packages/domain/src',
      // New versions of the packages it bundles.
      'package-lock.json',
    ],
    workspace: '@sutiao/web',
    // Vitest sets NODE_ENV=test; inherited by the build, it would ship React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Builds the server into JavaScript (packages/server/dist) when missing or older than its sources or the packages it bundles. */
export function ensureServerBuilt() {
  ensureBuilt('the server', 'packages/server/dist/main.mjs', {
    sources: [
      'packages/server/src',
      'packages/server/scripts',
      'packages/domain/src',
      'packages/loss-engine/src',
      // New versions of the packages it bundles (kysely, typebox).
      'package-lock.json',
    ],
    workspace: '@sutiao/server',
    env: process.env,
  });
}

function ensureBuilt(what, builtFile, { sources, workspace, env }) {
  if (existsSync(builtFile) && !isStale(builtFile, sources)) return;
  console.log(`▶ building ${what}…`);
  run(['run', 'build', '-w', workspace], env);
}

function run(npmArgs, env) {
  const r = spawnSync('npm', npmArgs, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** True when any file under `sources` (folders or files) is newer than `builtFile`. */
function isStale(builtFile, sources) {
  const built = statSync(builtFile).mtimeMs;
  const newer = (path) => {
    const s = statSync(path);
    if (!s.isDirectory()) return s.mtimeMs > built;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return sources.some(newer);
}

// `node scripts/ensure-installed.mjs server` (used by `npm run audit:verify`): build the server only if needed.
if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  process.argv[2] === 'server'
) {
  ensureServerBuilt();
}
