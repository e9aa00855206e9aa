// `npm run bench:docking`: the docking link on PostgreSQL. Both platforms run as real processes from the built
// server, two instances per platform on one database each (so two relay instances per side), wired to each other
// over loopback HTTP. Measured: delegation → signed receipt back at the court (p50, p99), and sustained messages per
// second through the link; beside them, in the same run, a bare Fastify + PostgreSQL endpoint doing one insert per
// request (the anchor), and the ratio. Flags: --delegations N (300) --messages N (20000) --anchor-seconds N (10).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPostgres } from '../../src/adapters/db/database.ts';
import { UserSession } from '../../chaos/api-client.ts';
import { buildChaosServer } from '../../chaos/build-chaos-server.ts';
import { PlatformProcess } from '../../chaos/platform-process.ts';
import { measureThroughput } from '../measure-throughput.ts';
import { createDatabases, databaseUrl, dropDatabases } from './bench-databases.ts';
import { cpuSeconds, postgresCpuSeconds } from './cpu-times.ts';
import { measureDelegationLatency } from './link-latency.ts';
import { measureLinkThroughput } from './link-throughput.ts';

const { values } = parseArgs({
  options: {
    delegations: { type: 'string', default: '300' },
    messages: { type: 'string', default: '20000' },
    'anchor-seconds': { type: 'string', default: '10' },
  },
});
const say = (line: string) => console.log(`[bench:docking] ${line}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DATABASES = ['sutiao_dbench_court', 'sutiao_dbench_mediation', 'sutiao_dbench_anchor'] as const;
const PORTS = { courtA: 3411, courtB: 3412, mediationA: 3421, mediationB: 3422, anchor: 3431 };

await createDatabases(DATABASES);
const workDir = await mkdtemp(join(tmpdir(), 'sutiao-dbench-'));
const mainPath = await buildChaosServer();
const instance = (platform: 'court' | 'mediation', port: number, peerPort: number) =>
  new PlatformProcess({
    platform,
    mainPath,
    port,
    // Both instances of a platform share its keys and files, as two instances of one deployment do.
    dataDir: join(workDir, platform),
    peerUrl: `http://127.0.0.1:${peerPort}`,
    databaseUrl: databaseUrl(`sutiao_dbench_${platform}`),
  });
const courtA = instance('court', PORTS.courtA, PORTS.mediationA);
const mediationA = instance('mediation', PORTS.mediationA, PORTS.courtA);
const courtB = instance('court', PORTS.courtB, PORTS.mediationA);
const mediationB = instance('mediation', PORTS.mediationB, PORTS.courtA);
const court = openPostgres(databaseUrl('sutiao_dbench_court'));
const mediation = openPostgres(databaseUrl('sutiao_dbench_mediation'));
const anchor = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    fileURLToPath(new URL('../anchor-server.ts', import.meta.url)),
    String(PORTS.anchor),
    databaseUrl('sutiao_dbench_anchor'),
  ],
  { stdio: 'inherit' },
);

try {
  await Promise.all([courtA.start(), mediationA.start()]);
  // The peers register each other; then the second instances start, and the mediation one's start-up run of the
  // directory sync publishes the directory (see chaos/chaos-harness.ts on the lease that keeps the trigger idle).
  for (;;) {
    const [c, m] = await Promise.all([
      court.db.selectFrom('docking_peers').select('id').execute(),
      mediation.db.selectFrom('docking_peers').select('id').execute(),
    ]);
    if (c.length > 0 && m.length > 0) break;
    await pause(200);
  }
  await sql`delete from job_leases where job_id = 'docking.directory-sync'`.execute(mediation.db);
  await Promise.all([courtB.start(), mediationB.start()]);
  for (;;) {
    const rows = await court.db.selectFrom('docking_directory').select('organization_id').execute();
    if (rows.some((r) => r.organization_id === 'ws-10')) break;
    await pause(200);
  }
  say('two instances per platform up on PostgreSQL; directory synced');

  const officer = new UserSession(courtA.url, 'sh74_filing');
  await officer.signIn();
  const latency = await measureDelegationLatency({
    officer,
    courtDb: court.db,
    mediationDb: mediation.db,
    organizationId: 'ws-10',
    delegations: Number(values.delegations),
    concurrency: 4,
  });
  say(
    `delegation → signed receipt at the court: p50 ${latency.toReceipt.p50} ms, p99 ${latency.toReceipt.p99} ms, max ${latency.toReceipt.max} ms (${latency.toReceipt.count} delegations, 4 officers at a time)`,
  );
  say(`POST …/delegate answered: p50 ${latency.delegateAnswer.p50} ms, p99 ${latency.delegateAnswer.p99} ms`);
  const { written, relayed, answered, retried } = latency.stages;
  say(
    `stages p50 / p99: written ${written.p50} / ${written.p99} ms, relayed to the inbox ${relayed.p50} / ${relayed.p99} ms, applied and receipt stored ${answered.p50} / ${answered.p99} ms; ${retried} delivered on a later attempt`,
  );

  const processes = { courtA, courtB, mediationA, mediationB };
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, cpuSeconds(p.pid)]));
  const pgBefore = postgresCpuSeconds();
  const link = await measureLinkThroughput({
    courtDb: court.db,
    peerId: 'sutiao-mediation',
    organizationId: 'ws-10',
    messages: Number(values.messages),
  });
  const cpu = Object.fromEntries(
    Object.entries(processes).map(([k, p]) => [k, +(cpuSeconds(p.pid) - cpuBefore[k]!).toFixed(1)]),
  );
  const pgCpu = +(postgresCpuSeconds() - pgBefore).toFixed(1);
  say(
    `link: ${link.messages} delegations in ${link.seconds.toFixed(1)} s = ${link.perSecond.toFixed(0)} messages/s (steady median ${link.steadyPerSecond}/s); receipts ${JSON.stringify(link.outcomes)}`,
  );
  say(`CPU seconds during the link run: ${JSON.stringify(cpu)}, PostgreSQL ${pgCpu}`);

  const anchorRun = await measureThroughput({
    baseUrl: `http://127.0.0.1:${PORTS.anchor}`,
    path: '/anchor',
    sessions: [{ username: 'anchor', cookie: '', csrf: '' }],
    workDir,
    seconds: Number(values['anchor-seconds']),
    connections: 10,
    warmupSeconds: 2,
  });
  say(
    `anchor (bare Fastify + one PostgreSQL insert per request, 10 connections): ${anchorRun.perSecond.toFixed(0)} requests/s, p99 ${anchorRun.latency.p99} ms`,
  );
  say(`ratio link messages/s ÷ anchor requests/s = ${(link.perSecond / anchorRun.perSecond).toFixed(2)}`);
  const met = link.perSecond >= 1000 && latency.toReceipt.p99 < 200;
  say(
    `target ≥ 1,000 messages/s and p99 < 200 ms: ${met ? 'met' : `missed (${link.perSecond.toFixed(0)}/s, p99 ${latency.toReceipt.p99} ms)`}`,
  );
} finally {
  await Promise.all([courtA.stop(), courtB.stop(), mediationA.stop(), mediationB.stop()]);
  anchor.kill('SIGTERM');
  await new Promise((resolve) => anchor.once('exit', resolve));
  await Promise.all([court.close(), mediation.close()]);
  await dropDatabases(DATABASES);
  await rm(workDir, { recursive: true, force: true });
}
