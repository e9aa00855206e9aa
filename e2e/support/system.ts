import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PlatformName = 'court' | 'mediation';

export interface RunningSystem {
  urls: Record<PlatformName, string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`platform exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`platform at ${url} did not become healthy:\n${log()}`);
}

/**
 * Starts both platforms as separate processes, each with its own fresh embedded database — like `npm start`.
 * A journey that needs only one platform may ask for it alone (`only`); the other URL then answers nothing.
 */
export async function startSystem(only?: PlatformName): Promise<RunningSystem> {
  const dataRoot = await mkdtemp(join(tmpdir(), 'sutiao-e2e-'));
  const ports = { court: await freePort(), mediation: await freePort() };
  const urls = {
    court: `http://127.0.0.1:${ports.court}`,
    mediation: `http://127.0.0.1:${ports.mediation}`,
  };
  const platforms: PlatformName[] = only ? [only] : ['court', 'mediation'];
  const children = platforms.map((platform) => {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'packages/server/src/platform/main.ts',
        '--platform',
        platform,
        '--port',
        String(ports[platform]),
        '--data-dir',
        join(dataRoot, platform),
        '--web-dist',
        'packages/web/dist',
        '--seed-demo',
        '--quiet',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: '',
          SUTIAO_RATE_LIMITS: 'off', // the journeys sign in dozens of users from one address
          SUTIAO_PEER_URL: platform === 'court' ? urls.mediation : urls.court,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    return { platform, child, log: () => output };
  });
  try {
    await Promise.all(children.map((c) => waitForHealth(urls[c.platform], c.child, c.log)));
  } catch (error) {
    for (const c of children) c.child.kill('SIGKILL');
    throw error;
  }
  return {
    urls,
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.child.exitCode !== null) return resolve();
              c.child.once('exit', () => resolve());
              c.child.kill('SIGTERM');
            }),
        ),
      );
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
