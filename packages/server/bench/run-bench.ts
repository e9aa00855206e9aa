import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, connectBench, serverVersion } from './bench-database.ts';
import { BENCH_SHAPE } from './bench-shape.ts';
import { checkIntegrity } from './check-integrity.ts';
import { busiestMediator, runListScenarios } from './list-scenarios.ts';
import { measureThroughput, measureThroughputSpread } from './measure-throughput.ts';
import { prepareBench } from './prepare-bench.ts';
import type { BenchResults } from './report.ts';
import { writeReport } from './write-report.ts';
import { startServer } from './server-process.ts';
import { signIn, signInAll } from './sign-in.ts';

// `npm run bench` (issue 2): seeds `sutiao_bench` on the local PostgreSQL server, then measures the case lists and
// application submissions through HTTP against the real server process. Flags: --reuse (keep the seeded database),
// --no-report (do not touch docs/performance.md), --lists-only (skip the submission run), --submit-only (one-process
// submission run and integrity check only, no report), --seconds, --connections.
const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean' },
    'no-report': { type: 'boolean' },
    'lists-only': { type: 'boolean' },
    'submit-only': { type: 'boolean' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
  },
});
const log = (line: string) => console.log(line);
const dataDir = join(tmpdir(), 'sutiao-bench');
const config = {
  platform: 'mediation' as const,
  host: '127.0.0.1',
  port: 3290,
  databaseUrl: benchDatabaseUrl(),
  dataDir,
  publicUrl: 'http://127.0.0.1:3290',
  webDist: undefined,
  seedDemo: false,
  logger: false,
  rateLimits: false,
};

async function main() {
  const started = performance.now();
  const loadBefore = loadavg();
  const pgVersion = await serverVersion();
  log(`Sutiao platform benchmark — ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
  log(
    `Load average before: ${loadBefore.map((v) => v.toFixed(1)).join(' ')} (other work on the machine skews every figure)`,
  );
  let seed: BenchResults['seed'] = null;
  if (!flags.reuse) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    log(`Seeding ${BENCH_SHAPE.cases.toLocaleString('en')} cases into sutiao_bench:`);
    seed = await prepareBench(config, log);
    log(`  seeding total: ${((seed.seed.totalMs + seed.demoMs) / 1000).toFixed(1)} s`);
  }
  const client = await connectBench();
  // BENCH_SERVER_ARGS: extra node flags for the (first) server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extraArgs = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = await startServer({
    port: config.port,
    databaseUrl: config.databaseUrl,
    dataDir,
    extraArgs,
  });
  try {
    const busy = await busiestMediator(client);
    const actors = {
      mediator: await signIn(server.url, busy.username),
      mediatorCases: busy.cases,
      orgAdmin: await signIn(server.url, 'center_admin'),
    };
    if (flags['submit-only']) return await submitOnly(client, server.url);
    log(`Case lists (GET /api/cases; mediator ${busy.username} with ${busy.cases} cases; center_admin):`);
    const lists = await runListScenarios(
      server.url,
      actors,
      { warmup: 50, count: 500, budgetMs: 40_000 },
      log,
    );

    if (flags['lists-only']) {
      await writeFile(join(dataDir, 'lists-run.json'), JSON.stringify(lists, null, 2));
      return;
    }
    const investors = Array.from(
      { length: 200 },
      (_, i) => `bench_investor_${String(i + 1).padStart(5, '0')}`,
    );
    const sessions = await signInAll(server.url, investors);
    const seconds = Number(flags.seconds);
    const connections = Number(flags.connections);
    log(`Submissions (POST /api/cases submit:true; autocannon, ${connections} connections, ${seconds} s):`);
    const submit = await measureThroughput({
      baseUrl: server.url,
      sessions,
      workDir: dataDir,
      seconds,
      connections,
      warmupSeconds: 5,
    });
    log(
      `  ${submit.perSecond.toFixed(0)} submissions/s; ${submit.ok2xx} 2xx, ${submit.non2xx} non-2xx, ${submit.errors} errors; latency p50 ${submit.latency.p50} ms, p99 ${submit.latency.p99} ms`,
    );
    const second = await startServer({ port: config.port + 1, databaseUrl: config.databaseUrl, dataDir });
    log(`Submissions spread over 2 server processes (same database; README: several instances):`);
    const submitTwo = await measureThroughputSpread([server.url, second.url], {
      sessions,
      workDir: dataDir,
      seconds,
      connections,
      warmupSeconds: 5,
    }).finally(() => second.stop());
    log(
      `  ${submitTwo.perSecond.toFixed(0)} submissions/s; ${submitTwo.ok2xx} 2xx, ${submitTwo.non2xx} non-2xx, ${submitTwo.errors} errors; latency p50 ≤ ${submitTwo.latency.p50} ms, p99 ≤ ${submitTwo.latency.p99} ms`,
    );
    await server.stop();
    const integrity = await checkIntegrity(client, config.databaseUrl);
    log(
      `Integrity: ${integrity.sequences} sequences, ${integrity.gaps.length === 0 ? 'all gapless' : `GAPS ${JSON.stringify(integrity.gaps)}`}; audit chain ${integrity.audit.ok ? `intact (${integrity.audit.records} records)` : `BROKEN ${JSON.stringify(integrity.audit)}`}`,
    );
    const results: BenchResults = {
      at: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        node: process.version,
        postgres: pgVersion,
      },
      loadBefore: loadBefore.map((v) => Number(v.toFixed(1))),
      loadAfter: loadavg().map((v) => Number(v.toFixed(1))),
      shape: { ...BENCH_SHAPE },
      seed,
      mediatorCases: busy.cases,
      lists,
      submit,
      submitTwo,
      integrity: { sequences: integrity.sequences, gaps: integrity.gaps.length, audit: integrity.audit },
      elapsedSeconds: (performance.now() - started) / 1000,
    };
    await writeFile(join(dataDir, 'last-run.json'), JSON.stringify(results, null, 2));
    if (!flags['no-report']) await writeReport(results);
    log(`Done in ${results.elapsedSeconds.toFixed(0)} s (results: ${join(dataDir, 'last-run.json')}).`);
    const failed =
      !integrity.audit.ok ||
      integrity.gaps.length > 0 ||
      [submit, submitTwo].some((t) => t.non2xx > 0 || t.errors > 0);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server.stop();
    await client.end();
  }
}

/** `--submit-only`: the one-process submission run and the integrity check, for quick before/after comparisons. */
async function submitOnly(client: Awaited<ReturnType<typeof connectBench>>, url: string) {
  const investors = Array.from({ length: 200 }, (_, i) => `bench_investor_${String(i + 1).padStart(5, '0')}`);
  const sessions = await signInAll(url, investors);
  const seconds = Number(flags.seconds);
  const connections = Number(flags.connections);
  log(`Submissions (POST /api/cases submit:true; autocannon, ${connections} connections, ${seconds} s):`);
  const submit = await measureThroughput({
    baseUrl: url,
    sessions,
    workDir: dataDir,
    seconds,
    connections,
    warmupSeconds: 5,
  });
  log(
    `  ${submit.perSecond.toFixed(0)} submissions/s; ${submit.ok2xx} 2xx, ${submit.non2xx} non-2xx, ${submit.errors} errors; latency p50 ${submit.latency.p50} ms, p90 ${submit.latency.p90} ms, p99 ${submit.latency.p99} ms`,
  );
  const integrity = await checkIntegrity(client, config.databaseUrl);
  log(
    `Integrity: ${integrity.sequences} sequences, ${integrity.gaps.length === 0 ? 'all gapless' : `GAPS ${JSON.stringify(integrity.gaps)}`}; audit chain ${integrity.audit.ok ? `intact (${integrity.audit.records} records)` : `BROKEN ${JSON.stringify(integrity.audit)}`}`,
  );
  log(
    `Load average after: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  process.exitCode = integrity.gaps.length === 0 && integrity.audit.ok && submit.non2xx === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
