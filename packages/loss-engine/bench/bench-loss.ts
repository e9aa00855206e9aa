// Loss-engine benchmark: `npm run bench:loss [-- --sizes 0.5,5,20] [--workers 2] [--no-cli] [--cli-runs 3]
// [--before <another build's bin/sutiao-loss.mjs>]`.
// Generates a deterministic 康美-scale case per size (55,326 investors), then measures parse, compute
// (one core and worker threads) in a fresh process for honest peak RSS, and the whole CLI side by side with a
// bare byte scan of the same file (alternating rounds; the machine is shared, so compare ratios).
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assessCase } from '../src/assess-case';
import { parseTradesFileParallel } from '../src/cli/parallel-parse';
import { assessInWorkers } from '../src/cli/run-workers';
import { formatDay, parseDay } from '../src/dates';
import { parseMarketCsv } from '../src/io/parse-market';
import { bundled } from '../bin/bundle.mjs';
import { parseTradesFileFast } from '../src/io/fast-trades';
import { parseTradesStream } from '../src/io/parse-trades';

const INVESTORS = 55_326;
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0.5,5,20' },
    workers: { type: 'string', default: String(Math.max(2, cpus().length)) },
    'no-cli': { type: 'boolean', default: false },
    /** Skip the in-process parse/compute figures (only the side-by-side CLI measurement). */
    'cli-only': { type: 'boolean', default: false },
    child: { type: 'string' },
    /** Only generate the case for the first size into this directory (for profiling); keep it. */
    'generate-into': { type: 'string' },
    /** Rounds of the side-by-side CLI measurement (bare scan, CLI 1 worker, CLI N workers[, before]). */
    'cli-runs': { type: 'string', default: '3' },
    /** Another build's launcher (e.g. an older commit's bin/sutiao-loss.mjs) to measure and compare against. */
    before: { type: 'string' },
    /** Use the case `--generate-into` wrote into this directory (one size) instead of generating one. */
    'generated-in': { type: 'string' },
  },
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tradingDays(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = parseDay(from); d <= parseDay(to); d++) {
    const wd = new Date(d * 86_400_000).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d);
  }
  return out;
}

const PARAMS = {
  segments: [
    {
      implementationDate: '2019-09-02',
      disclosureDate: '2020-06-01',
      baseDate: '2020-07-13',
      basePrice: '6.123',
    },
  ],
  commissionRate: '0.0003',
  stampDutyRate: '0.001',
  systemicRisk: { method: 'ratio', ratio: '0.2' },
};
/** The same case with 同步指数对比法 over three indices ("3+X"). */
const INDEX_PARAMS = { ...PARAMS, systemicRisk: { method: 'index', indices: ['SH', 'SZ', 'IND'] } };

/** Writes trades.csv (date-ordered, investors interleaved, like an exchange extract), market.csv, case.json. */
async function generate(dir: string, trades: number): Promise<void> {
  const rnd = mulberry32(20_240_601 + trades);
  const days = tradingDays('2019-06-03', '2020-12-31');
  const accounts = new Uint8Array(INVESTORS);
  for (let i = 0; i < INVESTORS; i++) accounts[i] = 1 + Math.floor(rnd() * rnd() * 3);
  const holding = new Float64Array(INVESTORS);
  let price = 15_000;
  const market: string[] = ['date,close,auction_volume,float_shares,SH,SZ,IND'];
  let sh = 300_000;
  let sz = 1_000_000;
  let ind = 500_000;
  const out = createWriteStream(join(dir, 'trades.csv'), { highWaterMark: 1 << 20 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('investor_id,account_id,security,trade_date,seq,side,channel,quantity,price\n');
  const perDay = trades / days.length;
  let written = 0;
  for (let di = 0; di < days.length; di++) {
    const date = formatDay(days[di]!);
    price = Math.max(2_000, Math.round(price * (1 + (rnd() - 0.5) * 0.06)));
    sh = Math.round(sh * (1 + (rnd() - 0.5) * 0.03));
    sz = Math.round(sz * (1 + (rnd() - 0.5) * 0.03));
    ind = Math.round(ind * (1 + (rnd() - 0.5) * 0.03));
    market.push(
      `${date},${(price / 1000).toFixed(3)},${30_000_000 + Math.floor(rnd() * 20_000_000)},500000000,${sh / 100},${sz / 100},${ind / 100}`,
    );
    const n = di === days.length - 1 ? trades - written : Math.round(perDay * (di + 1)) - written;
    let chunk = '';
    for (let k = 0; k < n; k++) {
      const inv = Math.floor(rnd() * INVESTORS);
      const sell = holding[inv]! > 0 && rnd() < 0.45;
      let qty = 100 * (1 + Math.floor(rnd() * 50));
      if (sell) qty = Math.min(qty, holding[inv]!);
      holding[inv]! += sell ? -qty : qty;
      const p = Math.max(1_000, price + Math.floor((rnd() - 0.5) * 400));
      const ch = rnd() < 0.03 ? 'block' : 'auction';
      const acct = Math.floor(rnd() * accounts[inv]!);
      chunk += `I${inv},A${inv}-${acct},600518,${date},${k},${sell ? 'S' : 'B'},${ch},${qty},${Math.floor(p / 1000)}.${String(p % 1000).padStart(3, '0')}\n`;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
    written += n;
  }
  await new Promise<void>((r) => out.end(() => r()));
  writeFileSync(join(dir, 'market.csv'), `${market.join('\n')}\n`);
  writeFileSync(join(dir, 'case.json'), JSON.stringify(PARAMS));
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (n: number, ms: number) => `${(((n / ms) * 1000) / 1e6).toFixed(2)} M trades/s`;

/** Runs in a child process: parse + compute for one generated directory; prints one JSON line. */
async function child(dir: string, workers: number): Promise<void> {
  // Worker threads start from the bundled worker, as under the CLI (not the tsx loader).
  const b = await bundled();
  if (b) (globalThis as { __sutiaoLossWorker?: URL }).__sutiaoLossWorker = b.worker;
  const file = join(dir, 'trades.csv');
  const market = parseMarketCsv(readFileSync(join(dir, 'market.csv'), 'utf8'));
  let t = performance.now();
  let cpu = process.cpuUsage();
  const cpuMs = () => {
    const d = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    return (d.user + d.system) / 1000;
  };
  // As the CLI: the fast byte parser, the generic streaming parser only if it gives up.
  const table =
    parseTradesFileFast(file, statSync(file).size) ??
    (await parseTradesStream(createReadStream(file, { highWaterMark: 1 << 20 }), file, statSync(file).size));
  const parseMs = performance.now() - t;
  const parseCpu = cpuMs();
  const parseRss = process.resourceUsage().maxRSS * 1024;
  t = performance.now();
  const par = await parseTradesFileParallel(file, statSync(file).size, workers);
  const parallelParseMs = performance.now() - t;
  if (!par || par.count !== table.count) throw new Error('parallel parse differs');
  cpuMs();
  t = performance.now();
  const r = assessCase(PARAMS, table, market, []);
  const computeMs = performance.now() - t;
  const computeCpu = cpuMs();
  const computeRss = process.resourceUsage().maxRSS * 1024;
  t = performance.now();
  const ix = assessCase(INDEX_PARAMS, table, market, []);
  const indexMs = performance.now() - t;
  const indexCpu = cpuMs();
  t = performance.now();
  const w = await assessInWorkers(PARAMS, table, market, [], workers, false);
  const workersMs = performance.now() - t;
  if (w.results.length !== r.results.length) throw new Error('worker results differ in count');
  process.stdout.write(
    `${JSON.stringify({
      trades: table.count,
      investors: table.investorIds.length,
      parseMs,
      parallelParseMs,
      parseCpu,
      computeCpu,
      indexCpu,
      parseRss,
      computeMs,
      computeRss,
      workersMs,
      workers,
      exactPath: r.summary.exactPath,
      indexMs,
      indexExactPath: ix.summary.exactPath,
      total: r.summary.totals.total,
    })}\n`,
  );
}

/** A bare one-pass byte scan of the file in Node (8 MB reads, a look at every byte): the anchor. */
const SCAN = `const fs = require('node:fs'); const fd = fs.openSync(process.argv[1], 'r');
const b = Buffer.allocUnsafe(8 << 20); let l = 0, c = 0, n;
while ((n = fs.readSync(fd, b, 0, b.length, null)) > 0) for (let i = 0; i < n; i++) { const x = b[i]; if (x === 10) l++; else if (x === 44) c++; }
console.log(l, c);`;

/**
 * Wall time and CPU time of all its threads (ms), exit status, peak RSS (bytes) and minor page faults (first
 * touches of memory: they do not depend on the machine's load) of a command (/usr/bin/time).
 */
function timed(args: string[]): {
  ms: number;
  cpu: number;
  status: number | null;
  rss: number;
  faults: number;
} {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S %R', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - t;
  const [kb, user, sys, faults] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  if (r.status !== 0)
    console.log(`  command failed (${r.status}): ${args.join(' ')}\n${r.stderr.slice(-1500)}`);
  return {
    ms,
    cpu: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000,
    status: r.status,
    rss: kb !== undefined && Number.isFinite(kb) ? kb * 1024 : Number.NaN,
    faults: faults ?? Number.NaN,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The whole CLI measured side by side with a bare byte scan of the same file, alternating, `runs` rounds: scan,
 * CLI with 1 worker, CLI with `workers`, and `--before`'s CLI when given. Prints every round, the medians, the
 * CLI ÷ scan ratios, the speed-up of `workers` over 1, and whether all outputs are byte-identical.
 */
function cliSideBySide(dir: string, workers: number, runs: number): void {
  const bin = new URL('../bin/sutiao-loss.mjs', import.meta.url).pathname;
  const trades = join(dir, 'trades.csv');
  const cli = (launcher: string, w: number, out: string) => [
    process.execPath,
    launcher,
    'assess',
    '--params',
    join(dir, 'case.json'),
    '--trades',
    trades,
    '--market',
    join(dir, 'market.csv'),
    '--out',
    join(dir, out),
    '--no-progress',
    '--workers',
    String(w),
  ];
  // Build the bundles (first use) outside the measurement.
  spawnSync(process.execPath, [bin, '--help']);
  if (values.before) spawnSync(process.execPath, [values.before, '--help']);
  const kinds: [string, string[]][] = [
    ['bare byte scan', [process.execPath, '-e', SCAN, trades]],
    ['CLI, 1 worker', cli(bin, 1, 'out-1.csv')],
    [`CLI, ${workers} workers`, cli(bin, workers, `out-${workers}.csv`)],
  ];
  if (values.before) kinds.push(['before: CLI, 1 worker', cli(values.before, 1, 'out-before.csv')]);
  const ms: number[][] = kinds.map(() => []);
  const cpu: number[][] = kinds.map(() => []);
  const rss: number[][] = kinds.map(() => []);
  const faults: number[][] = kinds.map(() => []);
  for (let r = 0; r < runs; r++) {
    const line: string[] = [];
    kinds.forEach(([name, args], k) => {
      const m = timed(args);
      ms[k]!.push(m.ms);
      cpu[k]!.push(m.cpu);
      rss[k]!.push(m.rss);
      faults[k]!.push(m.faults);
      line.push(`${name} ${(m.ms / 1000).toFixed(2)} s (CPU ${(m.cpu / 1000).toFixed(2)} s)`);
    });
    console.log(`  round ${r + 1} (load ${loadavg()[0]!.toFixed(1)}): ${line.join(' · ')}`);
  }
  const scan = median(ms[0]!);
  const scanCpu = median(cpu[0]!);
  kinds.forEach(([name], k) => {
    const m = median(ms[k]!);
    const c = median(cpu[k]!);
    console.log(
      `  ${name.padEnd(24)} median ${(m / 1000).toFixed(2)} s = ${(m / scan).toFixed(2)} × the bare scan; CPU ${(c / 1000).toFixed(2)} s = ${(c / scanCpu).toFixed(2)} × the scan's; peak RSS ${mb(Math.max(...rss[k]!))}; minor page faults ${Math.round(median(faults[k]!))}`,
    );
  });
  console.log(
    `  ${workers} workers vs 1: ${(median(ms[1]!) / median(ms[2]!)).toFixed(2)} × faster (medians of wall time); CPU of all threads ${(median(cpu[2]!) / median(cpu[1]!)).toFixed(2)} × 1 worker's`,
  );
  console.log(
    `  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: well above the core count, wall times mostly measure the scheduler and CPU times are the steadier figure)`,
  );
  const outs = [`out-1.csv`, `out-${workers}.csv`, ...(values.before ? ['out-before.csv'] : [])].map((f) =>
    readFileSync(join(dir, f)),
  );
  const same = outs.every((o) => o.equals(outs[0]!));
  console.log(`  outputs byte-identical (${outs.length} files): ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

/** Parse and compute in a fresh process (honest peak RSS), printed. */
function inProcess(dir: string, n: number): void {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const c = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', dir, '--workers', values.workers],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (c.status !== 0) {
    console.log(`  parse/compute run failed: ${c.stderr.slice(-2000)}`);
    return;
  }
  const m = JSON.parse(c.stdout.trim().split('\n').pop()!);
  const cpu = (ms: number) => `CPU ${(ms / 1000).toFixed(2)} s = ${rate(n, ms)}`;
  console.log(`  load average before the run: ${load}`);
  console.log(
    `  parse:    ${(m.parseMs / 1000).toFixed(2)} s wall; ${cpu(m.parseCpu)}; peak RSS ${mb(m.parseRss)}`,
  );
  console.log(
    `  parse:    ${(m.parallelParseMs / 1000).toFixed(2)} s wall on ${m.workers} worker threads (byte ranges)`,
  );
  console.log(
    `  compute:  ${(m.computeMs / 1000).toFixed(2)} s wall; ${cpu(m.computeCpu)} (1 core, ratio case); peak RSS ${mb(m.computeRss)}`,
  );
  console.log(
    `  compute:  ${(m.workersMs / 1000).toFixed(2)} s wall = ${rate(n, m.workersMs)} (${m.workers} worker threads, incl. table copy and worker start)`,
  );
  console.log(
    `  compute:  ${(m.indexMs / 1000).toFixed(2)} s wall; ${cpu(m.indexCpu)} (1 core, index method "3+X"; ${m.indexExactPath} investors on the BigInt path)`,
  );
  console.log(
    `  investors ${m.investors}, BigInt-path investors ${m.exactPath} (ratio case), case total ${m.total}`,
  );
}

async function main(): Promise<void> {
  if (values.child) return child(values.child, Number(values.workers));
  if (values['generate-into'])
    return generate(values['generate-into'], Math.round(Number(values.sizes.split(',')[0]) * 1e6));
  const sizes = values.sizes.split(',').map((s) => Math.round(Number(s) * 1e6));
  console.log(
    `loss-engine benchmark — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
  );
  for (const n of sizes) {
    // --generated-in: a directory `--generate-into` filled before (the first size's case), kept afterwards.
    const given = values['generated-in'];
    const dir = given ?? mkdtempSync(join(tmpdir(), 'sutiao-bench-'));
    try {
      const t = performance.now();
      if (!given) await generate(dir, n);
      const size = statSync(join(dir, 'trades.csv')).size;
      console.log(
        `\n${(n / 1e6).toFixed(1)} M trades, ${INVESTORS} investors: generated ${mb(size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      if (!values['cli-only']) inProcess(dir, n);
      if (!values['no-cli']) cliSideBySide(dir, Number(values.workers), Number(values['cli-runs']));
    } finally {
      if (!given) rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
