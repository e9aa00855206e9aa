// `npm run bench`: the platform benchmark of issue 2 (packages/server/bench/run-bench.ts) on the local PostgreSQL
// server. Bounded in time: the run is stopped after 15 minutes whatever happens. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MS = 15 * 60 * 1000;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'packages/server/bench/run-bench.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', detached: true },
);
const stopAll = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
const timer = setTimeout(() => {
  console.error('bench: time limit reached, stopping');
  stopAll('SIGTERM');
  setTimeout(() => stopAll('SIGKILL'), 10_000).unref();
}, LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
