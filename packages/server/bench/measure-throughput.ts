import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from './sign-in.ts';

const WORKER = fileURLToPath(new URL('./load-submissions.mjs', import.meta.url));

export interface ThroughputResult {
  seconds: number;
  connections: number;
  requests: number;
  perSecond: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  latency: { p50: number; p90: number; p99: number; max: number };
}

/** Runs autocannon in a second process against the server process; answers its figures. */
export async function measureThroughput(options: {
  baseUrl: string;
  sessions: Session[];
  workDir: string;
  seconds: number;
  connections: number;
  warmupSeconds: number;
  sessionsName?: string;
  /** Defaults to POST /api/cases; the anchor's endpoint otherwise. */
  path?: string;
}): Promise<ThroughputResult> {
  const sessionsFile = join(options.workDir, options.sessionsName ?? 'bench-sessions.json');
  await writeFile(sessionsFile, JSON.stringify(options.sessions), { mode: 0o600 });
  const args = [WORKER, options.baseUrl, sessionsFile, String(options.seconds), String(options.connections)];
  args.push(String(options.warmupSeconds));
  if (options.path) args.push(options.path);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const limit = (options.seconds + options.warmupSeconds + 60) * 1000;
  const timer = setTimeout(() => child.kill('SIGKILL'), limit);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ThroughputResult;
}

/** The same load split over several server processes (one load-generator process each); figures summed. */
export async function measureThroughputSpread(
  baseUrls: string[],
  options: Omit<Parameters<typeof measureThroughput>[0], 'baseUrl'>,
): Promise<ThroughputResult> {
  const share = Math.ceil(options.connections / baseUrls.length);
  const parts = await Promise.all(
    baseUrls.map((baseUrl, i) =>
      measureThroughput({
        ...options,
        baseUrl,
        connections: share,
        workDir: options.workDir,
        sessions: options.sessions.filter((_, j) => j % baseUrls.length === i),
        sessionsName: `bench-sessions-${i}.json`,
      }),
    ),
  );
  const sum = (pick: (r: ThroughputResult) => number) => parts.reduce((acc, r) => acc + pick(r), 0);
  const statuses: Record<string, number> = {};
  for (const part of parts) {
    for (const [code, n] of Object.entries(part.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  }
  const worst = (pick: (r: ThroughputResult) => number) => Math.max(...parts.map(pick));
  return {
    seconds: options.seconds,
    connections: sum((r) => r.connections),
    requests: sum((r) => r.requests),
    perSecond: sum((r) => r.perSecond),
    ok2xx: sum((r) => r.ok2xx),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statuses,
    latency: {
      p50: worst((r) => r.latency.p50),
      p90: worst((r) => r.latency.p90),
      p99: worst((r) => r.latency.p99),
      max: worst((r) => r.latency.max),
    },
  };
}
