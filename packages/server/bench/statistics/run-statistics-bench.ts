import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, connectBench, serverVersion } from '../bench-database.ts';
import { BENCH_SHAPE } from '../bench-shape.ts';
import { get, type LatencyResult, measureLatency } from '../measure-latency.ts';
import { prepareBench } from '../prepare-bench.ts';
import { startAnchor, startServer } from '../server-process.ts';
import { type Session, signIn } from '../sign-in.ts';
import { seedStatisticsTimeline } from './seed-statistics-timeline.ts';

// `npm run bench:statistics` (issue 13 part 5): the dashboards of the mediation platform at 1,000,000 cases on the
// local PostgreSQL server, through HTTP against the real server process, side by side with a bare Fastify +
// PostgreSQL read (one round trip). Flags: --reuse (keep the seeded database), --requests (measured per scenario),
// --budget-seconds (per scenario). SUTIAO_BENCH_CASES shrinks the data set for a trial run.
const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean' },
    requests: { type: 'string', default: '40' },
    'budget-seconds': { type: 'string', default: '40' },
  },
});
const log = (line: string) => console.log(line);
const dataDir = join(tmpdir(), 'sutiao-bench-statistics');
const port = 3292;
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const year = today.slice(0, 4);

function scenarios(): { name: string; who: 'center' | 'regulator' | 'public'; path: string }[] {
  const ytd = `from=${year}-01-01&to=${today}`;
  const all = `from=2023-01-01&to=${today}`;
  return [
    { name: 'center admin, year to date, totals', who: 'center', path: `/api/statistics?${ytd}` },
    {
      name: 'center admin, year to date, by month',
      who: 'center',
      path: `/api/statistics?${ytd}&groupBy=month`,
    },
    {
      name: 'center admin, year to date, by mediator',
      who: 'center',
      path: `/api/statistics?${ytd}&groupBy=mediator`,
    },
    {
      name: 'center admin, year to date, ordinary track by sector',
      who: 'center',
      path: `/api/statistics?${ytd}&track=ordinary&groupBy=sector`,
    },
    {
      name: 'center admin, drill-down settled, page 1',
      who: 'center',
      path: `/api/statistics/cases?${ytd}&figure=settled`,
    },
    {
      name: 'regulator, all years, by organization',
      who: 'regulator',
      path: `/api/statistics?${all}&groupBy=organization`,
    },
    {
      name: 'regulator, all years, by region',
      who: 'regulator',
      path: `/api/statistics?${all}&groupBy=region`,
    },
    {
      name: 'regulator, drill-down deadlines missed, page 5',
      who: 'regulator',
      path: `/api/statistics/cases?${all}&figure=deadlinesMissed&page=5`,
    },
    { name: 'public portal, this year', who: 'public', path: `/api/public/statistics?year=${year}` },
  ];
}

const row = (r: LatencyResult) =>
  `| ${r.name} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`;

async function main() {
  log(
    `Sutiao statistics benchmark — ${cpus().length} cores, Node ${process.version}, PostgreSQL ${await serverVersion()}`,
  );
  log(
    `Load average before: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  if (!flags.reuse) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    log(`Seeding ${BENCH_SHAPE.cases.toLocaleString('en')} cases into sutiao_bench:`);
    const config = {
      platform: 'mediation' as const,
      platformId: 'sutiao-mediation',
      host: '127.0.0.1',
      port,
      databaseUrl: benchDatabaseUrl(),
      dataDir,
      publicUrl: `http://127.0.0.1:${port}`,
      webDist: undefined,
      seedDemo: false,
      logger: false,
      rateLimits: false,
    };
    await prepareBench(config, log);
    const client = await connectBench();
    try {
      const started = performance.now();
      const n = await seedStatisticsTimeline(client);
      log(
        `  milestone timeline entries: ${n.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await client.end();
    }
  }
  const server = await startServer({ port, databaseUrl: benchDatabaseUrl(), dataDir });
  const anchor = await startAnchor({ port: port - 1, databaseUrl: benchDatabaseUrl() });
  try {
    const sessions: Record<'center' | 'regulator' | 'public', Session> = {
      center: await signIn(server.url, 'center_admin'),
      regulator: await signIn(server.url, 'regulator1'),
      public: { username: 'anonymous', cookie: '', csrf: '' },
    };
    const firstStarted = performance.now();
    const first = await get(`${server.url}/api/statistics?from=${year}-01-01&to=${today}`, sessions.center);
    if (first.status !== 200)
      throw new Error(`first read answered ${first.status} ${first.body.slice(0, 200)}`);
    log(
      `First read (computes the occurrences of every case marked since seeding): ${((performance.now() - firstStarted) / 1000).toFixed(1)} s`,
    );
    // What autovacuum would do shortly after so large a write, done now so the plans see the table's real size.
    const client = await connectBench();
    try {
      await client.query('vacuum (analyze) case_occurrences');
      const { rows } = await client.query<{ n: string }>('select count(*) as n from case_occurrences');
      log(`Occurrence rows: ${Number(rows[0]?.n).toLocaleString('en')}`);
    } finally {
      await client.end();
    }
    const options = {
      warmup: 3,
      count: Number(flags.requests),
      budgetMs: Number(flags['budget-seconds']) * 1000,
    };
    log('');
    log('| scenario | requests | p50 ms | p95 ms | p99 ms | max ms |');
    log('|---|---:|---:|---:|---:|---:|');
    const anchorBefore = await measureLatency(
      'anchor (bare Fastify + PostgreSQL read), before',
      anchor.url,
      '/anchor',
      sessions.public,
      options,
    );
    log(row(anchorBefore));
    for (const s of scenarios())
      log(row(await measureLatency(s.name, server.url, s.path, sessions[s.who], options)));
    log(
      row(
        await measureLatency(
          'anchor (bare Fastify + PostgreSQL read), after',
          anchor.url,
          '/anchor',
          sessions.public,
          options,
        ),
      ),
    );
    log(
      `Load average after: ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await anchor.stop();
    await server.stop();
  }
}

await main();
