// `npm run bench:start [-- --rounds N]`: how fast the compiled server starts, and what the first page weighs.
// Start-to-healthy on an existing embedded database: the compiled server (dist/main.mjs) against an anchor — a bare
// Fastify + PGlite program answering `select 1` (bare-fastify-pglite.mjs) — on the same data directory, started one
// after the other in alternating order each round, so the shared machine's noise hits both alike. Also the
// TypeScript sources under tsx (how the server started before the build), and each one's idle RSS.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureWebBuilt } from '../../../scripts/ensure-installed.mjs';
import { buildServer } from '../scripts/build-server.mjs';
import { freePort, spawnUntilHealthy } from '../test/support/platform-process.ts';
import { firstRouteBytes } from './first-route-bytes.ts';

const ROOT = join(import.meta.dirname, '../../..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = Number(values.rounds);

interface Contender {
  name: string;
  args: (port: number, dataDir: string) => string[];
}

async function idleRssMb(pid: number): Promise<number> {
  // 5 s: past the background compilation of the schemas, which starts 1 s after listening (lazy-schema-compilers.ts).
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function main() {
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  const work = await mkdtemp(join(ROOT, '.tmp', 'start-bench-'));
  const builtAt = performance.now();
  const dist = await buildServer(join(work, 'dist'));
  const buildMs = performance.now() - builtAt;
  const dataDir = await mkdtemp(join(tmpdir(), 'sutiao-start-bench-'));
  const contenders: Contender[] = [
    {
      name: 'compiled server',
      args: (port, dir) => [
        join(dist, 'main.mjs'),
        '--platform',
        'mediation',
        '--port',
        `${port}`,
        '--data-dir',
        dir,
        '--quiet',
      ],
    },
    {
      name: 'bare Fastify + PGlite',
      args: (port, dir) => [
        join(import.meta.dirname, 'bare-fastify-pglite.mjs'),
        `${port}`,
        join(dir, 'pgdata'),
      ],
    },
    {
      name: 'tsx sources',
      args: (port, dir) => [
        '--import',
        'tsx',
        join(ROOT, 'packages/server/src/platform/main.ts'),
        ...['--platform', 'mediation', '--port', `${port}`, '--data-dir', dir, '--quiet'],
      ],
    },
  ];
  const start = async (contender: Contender, extra: string[] = []) => {
    const port = await freePort();
    return spawnUntilHealthy({
      args: [...contender.args(port, dataDir), ...extra],
      healthUrl: `http://127.0.0.1:${port}/api/health`,
      env: { DATABASE_URL: '' },
      cwd: ROOT,
    });
  };
  try {
    // The existing database: created, migrated and seeded by one first start that is not measured.
    const first = await start(contenders[0]!, ['--seed-demo']);
    console.log(
      `database created, migrated and seeded by a first start in ${first.msToHealthy.toFixed(0)} ms`,
    );
    await first.stop();

    const times = contenders.map(() => [] as number[]);
    const rss = contenders.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      // Rotate who goes first, so neither is always the one to find the file cache warm.
      const order = contenders.map((_, i) => (i + round) % contenders.length);
      for (const i of order) {
        const running = await start(contenders[i]!);
        times[i]!.push(running.msToHealthy);
        rss[i]!.push(await idleRssMb(running.child.pid!));
        const code = await running.stop();
        if (code !== 0) throw new Error(`${contenders[i]!.name} exited with ${code}:\n${running.output()}`);
      }
      console.log(
        `round ${round + 1}: ${contenders.map((c, i) => `${c.name} ${times[i]!.at(-1)!.toFixed(0)} ms`).join(', ')}`,
      );
    }

    const anchor = median(times[1]!);
    console.log(
      `\nstart to healthy on an existing embedded database, ${rounds} rounds (server built in ${buildMs.toFixed(0)} ms)`,
    );
    console.log('| program | median ms | range ms | × bare Fastify + PGlite | idle RSS MB (median) |');
    console.log('|---|---|---|---|---|');
    contenders.forEach((c, i) => {
      const ms = median(times[i]!);
      console.log(
        `| ${c.name} | ${ms.toFixed(0)} | ${spread(times[i]!)} | ${(ms / anchor).toFixed(2)} | ${median(rss[i]!).toFixed(0)} |`,
      );
    });
    const perRound = times[0]!.map((ms, r) => ms / times[1]![r]!);
    console.log(
      `compiled / anchor per round: ${perRound.map((x) => x.toFixed(2)).join(' ')} (median ${median(perRound).toFixed(2)}; target ≤ 1.30)`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }

  ensureWebBuilt();
  const web = firstRouteBytes(join(ROOT, 'packages/web/dist'));
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `\nfirst page (/login): ${web.files.length} files, ${kb(web.raw)} KB raw, ${kb(web.gzip)} KB gzip (target ≤ 250), ${kb(web.brotli)} KB brotli`,
  );
  for (const f of [...web.files].sort((a, b) => b.gzip - a.gzip).slice(0, 6))
    console.log(`  ${f.file} ${kb(f.gzip)} KB gzip`);
  const chart = firstRouteBytes(
    join(ROOT, 'packages/web/dist'),
    'src/components/status-chart.tsx',
  ).files.find((f) => f.file.includes('status-chart'));
  const noBrotli = web.files.filter((f) => f.brotli === null).length;
  if (noBrotli)
    console.log(
      `  ${noBrotli} files have no .br beside them (counted at their gzip size): a build is incomplete or running`,
    );
  const chartOnFirstPage = web.files.some((f) => f.file === chart?.file);
  console.log(
    `  charts (echarts, ${kb(chart?.gzip ?? 0)} KB gzip) on the first page: ${chartOnFirstPage ? 'YES' : 'no'}`,
  );
}

await main();
