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
}): Promise<ThroughputResult> {
  const sessionsFile = join(options.workDir, 'bench-sessions.json');
  await writeFile(sessionsFile, JSON.stringify(options.sessions), { mode: 0o600 });
  const args = [WORKER, options.baseUrl, sessionsFile, String(options.seconds), String(options.connections)];
  args.push(String(options.warmupSeconds));
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
