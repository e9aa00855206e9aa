import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, connectBench, serverVersion } from './bench-database.ts';
import { BENCH_SHAPE } from './bench-shape.ts';
import { checkIntegrity } from './check-integrity.ts';
import { busiestMediator, runListScenarios } from './list-scenarios.ts';
import { measureThroughputSpread } from './measure-throughput.ts';
import { prepareBench } from './prepare-bench.ts';
import type { BenchResults } from './report.ts';
import { writeReport } from './write-report.ts';
import { startAnchor, startServer } from './server-process.ts';
import { measureSideBySide, pct } from './side-by-side.ts';
import { signIn, signInAll } from './sign-in.ts';
import { runAuditVerify, waitForIntegration } from './verify-after-run.ts';

// `npm run bench` (issue 2): seeds `sutiao_bench` on the local PostgreSQL server, then measures the case lists and
// application submissions through HTTP against the real server process. Flags: --reuse (keep the seeded database),
// --no-report (do not touch docs/performance.md), --lists-only (skip the submission run), --submit-only (the
// side-by-side submission/anchor rounds and the integrity checks only, no report), --seconds, --connections, --rounds
// (alternating anchor/submission rounds, default 2).
const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean' },
    'no-report': { type: 'boolean' },
    'lists-only': { type: 'boolean' },
    'submit-only': { type: 'boolean' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
  },
});
const log = (line: string) => console.log(line);
const dataDir = join(tmpdir(), 'sutiao-bench');
const config = {
  platform: 'mediation' as const,
  platformId: 'sutiao-mediation',
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
  const anchor = await startAnchor({ port: config.port - 1, databaseUrl: config.databaseUrl });
  try {
    const busy = await busiestMediator(client);
    const actors = {
      mediator: await signIn(server.url, busy.username),
      mediatorCases: busy.cases,
      orgAdmin: await signIn(server.url, 'center_admin'),
    };
    if (flags['submit-only']) return await submitOnly(client, server, anchor.url);
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
    const sideBySide = await sideBySideRun(server.url, anchor.url, sessions);
    const submit = sideBySide.rounds.at(-1)!.submit;
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
    const { integrity, auditVerify } = await checkAfterRun(client, server);
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
      sideBySide,
      auditVerify,
      integrity: { sequences: integrity.sequences, gaps: integrity.gaps.length, audit: integrity.audit },
      elapsedSeconds: (performance.now() - started) / 1000,
    };
    await writeFile(join(dataDir, 'last-run.json'), JSON.stringify(results, null, 2));
    if (!flags['no-report']) await writeReport(results);
    log(`Done in ${results.elapsedSeconds.toFixed(0)} s (results: ${join(dataDir, 'last-run.json')}).`);
    const failed =
      !integrity.audit.ok ||
      auditVerify.status !== 0 ||
      integrity.gaps.length > 0 ||
      [submit, submitTwo].some((t) => t.non2xx > 0 || t.errors > 0);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server.stop();
    await anchor.stop();
    await client.end();
  }
}

/** The anchor and the submissions alternated (side-by-side.ts), with the ratio printed. */
async function sideBySideRun(
  serverUrl: string,
  anchorUrl: string,
  sessions: Awaited<ReturnType<typeof signInAll>>,
) {
  const seconds = Number(flags.seconds);
  const connections = Number(flags.connections);
  const rounds = Number(flags.rounds);
  log(
    `Submissions (POST /api/cases submit:true) side by side with the bare anchor (POST /anchor: one insert in one transaction); autocannon, ${connections} connections, ${seconds} s each, ${rounds} alternating rounds:`,
  );
  const result = await measureSideBySide({
    serverUrl,
    anchorUrl,
    sessions,
    workDir: dataDir,
    seconds,
    connections,
    rounds,
    log,
  });
  log(
    `  mean: ${result.submitPerSecond.toFixed(0)} submissions/s, anchor ${result.anchorPerSecond.toFixed(0)}/s — submissions at ${pct(result.ratio)} of the anchor`,
  );
  return result;
}

/** After the load: the job integrates what is left, the server stops, then gaps, the audit log and the CLI verdict. */
async function checkAfterRun(
  client: Awaited<ReturnType<typeof connectBench>>,
  server: Awaited<ReturnType<typeof startServer>>,
) {
  const pending = await waitForIntegration(client);
  await server.stop();
  const integrity = await checkIntegrity(client, config.databaseUrl, dataDir);
  log(
    `Integrity: ${integrity.sequences} sequences, ${integrity.gaps.length === 0 ? 'all gapless' : `GAPS ${JSON.stringify(integrity.gaps)}`}; audit log ${integrity.audit.ok ? `intact (${integrity.audit.records} records, ${pending} not yet integrated when the server stopped)` : `BROKEN ${JSON.stringify(integrity.audit)}`}`,
  );
  const auditVerify = runAuditVerify(config.databaseUrl, dataDir);
  log(
    `npm run audit:verify -- --data-dir ${dataDir} (DATABASE_URL=${config.databaseUrl}): exit ${auditVerify.status}`,
  );
  log(`  ${auditVerify.output.split('\n').join('\n  ')}`);
  return { integrity, auditVerify };
}

/** `--submit-only`: the side-by-side rounds and the integrity checks, for quick before/after comparisons. */
async function submitOnly(
  client: Awaited<ReturnType<typeof connectBench>>,
  server: Awaited<ReturnType<typeof startServer>>,
  anchorUrl: string,
) {
  const investors = Array.from({ length: 200 }, (_, i) => `bench_investor_${String(i + 1).padStart(5, '0')}`);
  const sessions = await signInAll(server.url, investors);
  const result = await sideBySideRun(server.url, anchorUrl, sessions);
  const { integrity, auditVerify } = await checkAfterRun(client, server);
  log(
    `Load average after: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  await writeFile(join(dataDir, 'submit-run.json'), JSON.stringify(result, null, 2));
  const non2xx = result.rounds.some((r) => r.submit.non2xx > 0 || r.anchor.non2xx > 0);
  process.exitCode =
    integrity.gaps.length === 0 && integrity.audit.ok && auditVerify.status === 0 && !non2xx ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
