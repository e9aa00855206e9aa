import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/platform/main.ts', import.meta.url));
const ANCHOR = fileURLToPath(new URL('./anchor-server.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real server program as its own process (quiet logging) and waits until it answers. */
export async function startServer(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  extraArgs?: string[];
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const args = ['--import', 'tsx', ...(options.extraArgs ?? []), MAIN, '--platform', 'mediation'];
  args.push('--port', String(options.port), '--data-dir', options.dataDir, '--quiet');
  return startProcess(args, options);
}

/** Starts the bare anchor (anchor-server.ts) on the same database. */
export function startAnchor(options: { port: number; databaseUrl: string }): Promise<ServerProcess> {
  return startProcess(['--import', 'tsx', ANCHOR, String(options.port), options.databaseUrl], options);
}

async function startProcess(
  args: string[],
  options: { port: number; databaseUrl: string; env?: Record<string, string> },
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, SUTIAO_RATE_LIMITS: 'off', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server did not start within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
