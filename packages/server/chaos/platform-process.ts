import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface PlatformProcessOptions {
  platform: 'court' | 'mediation';
  /** The built server (chaos/dist/main.mjs). */
  mainPath: string;
  port: number;
  dataDir: string;
  /** Where this platform reaches its peer: the fault proxy, so all link traffic crosses it. */
  peerUrl: string;
  /** Set: PostgreSQL instead of the embedded database under dataDir. */
  databaseUrl?: string;
  /** Extra environment (e.g. a platform id for a second instance). */
  env?: NodeJS.ProcessEnv;
}

/** One platform as a real process on real HTTP; it can be killed (SIGKILL) and started again on the same data. */
export class PlatformProcess {
  private child: ChildProcess | null = null;
  private log: string[] = [];
  starts = 0;

  constructor(readonly options: PlatformProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(timeoutMs = 300_000): Promise<void> {
    const o = this.options;
    const child = spawn(
      process.execPath,
      [
        o.mainPath,
        ...['--platform', o.platform, '--port', String(o.port), '--data-dir', o.dataDir, '--seed-demo'],
        // SUTIAO_CHAOS_LOGS=1 keeps the platforms' request logs (for a failure's stack).
        ...(process.env.SUTIAO_CHAOS_LOGS === '1' ? [] : ['--quiet']),
      ],
      {
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATABASE_URL: o.databaseUrl ?? '',
          SUTIAO_PEER_URL: o.peerUrl,
          SUTIAO_RATE_LIMITS: 'off',
          SUTIAO_PLATFORM_ID: `sutiao-${o.platform}`,
          ...o.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.starts += 1;
    const keep = (chunk: Buffer) => {
      this.log.push(chunk.toString());
      if (this.log.length > 200) this.log.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${o.platform} exited (${child.exitCode ?? child.signalCode}):\n${this.output()}`);
      }
      const ok = await fetch(`${this.url}/api/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${o.platform} did not answer within ${timeoutMs} ms:\n${this.output()}`);
  }

  /** No shutdown, no flush: the process dies where it stands. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (the platform closes its database), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** The running process's id (0 when none). */
  get pid(): number {
    return this.child?.pid ?? 0;
  }

  output(): string {
    return this.log.join('');
  }

  get pgliteDir(): string {
    return join(this.options.dataDir, 'pgdata');
  }
}
