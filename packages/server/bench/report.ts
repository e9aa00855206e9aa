import type { Prepared } from './prepare-bench.ts';
import type { LatencyResult } from './measure-latency.ts';
import type { ThroughputResult } from './measure-throughput.ts';
import type { SideBySide } from './side-by-side.ts';

export interface BenchResults {
  at: string;
  machine: { cores: number; cpu: string; node: string; postgres: string };
  /** os.loadavg() at the start and end: other work on the same 2 cores skews every figure. */
  loadBefore: number[];
  loadAfter: number[];
  shape: Record<string, string | number>;
  seed: Prepared | null;
  mediatorCases: number;
  lists: LatencyResult[];
  submit: ThroughputResult;
  /** The same load over two server processes against the one database. */
  submitTwo: ThroughputResult;
  /** Submissions alternated with the bare anchor (one insert in one transaction), same connections. */
  sideBySide: SideBySide;
  /** `npm run audit:verify` against the bench database after the run. */
  auditVerify: { status: number | null; output: string };
  integrity: { sequences: number; gaps: number; audit: { ok: boolean; records: number } };
  elapsedSeconds: number;
}

const ms = (v: number) => v.toFixed(1);
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;

export function latencyTable(lists: LatencyResult[]): string[] {
  return [
    '| scenario | requests | total | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...lists.map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${r.total ?? '—'} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`,
    ),
  ];
}

export function throughputLine(t: ThroughputResult): string {
  return `${t.perSecond.toFixed(0)} submissions/s over ${t.seconds} s with ${t.connections} connections (${t.requests} requests: ${t.ok2xx} 2xx, ${t.non2xx} non-2xx, ${t.errors} errors, ${t.timeouts} timeouts); latency p50 ${t.latency.p50} ms, p90 ${t.latency.p90} ms, p99 ${t.latency.p99} ms`;
}

export function seedLines(seed: Prepared | null): string[] {
  if (!seed) return ['Seeding: skipped (`--reuse`).'];
  const t = seed.seed;
  return [
    `Seeding: ${s(seed.demoMs + t.totalMs)} in all — migrations and demo data ${s(seed.demoMs)}, bench users/firms ${s(t.usersMs)}, cases ${s(t.casesMs)}, events and sequences ${s(t.eventsMs)}, index rebuild ${s(t.indexesMs)}, vacuum analyze ${s(t.vacuumMs)}.`,
  ];
}
