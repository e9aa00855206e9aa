import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export type PlatformName = 'court' | 'mediation';

export const PLATFORMS: PlatformName[] = ['court', 'mediation'];

export interface RunningSystem {
  urls: Record<PlatformName, string>;
  stop(): Promise<void>;
}

/** What the global setup built once per run (global-setup.ts). */
export interface JourneyBuild {
  /** The server's JavaScript build, run as `npm start` runs it. */
  serverMain: string;
  /** One data folder per platform (embedded database, keys) with the demo data seeded. */
  seededDataRoot: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    journeyBuild: JourneyBuild;
  }
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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`platform at ${url} did not become healthy:\n${log()}`);
}

/**
 * Runs `platforms` as separate processes of the server build, each on its own embedded database under
 * `dataRoot/<platform>` and seeded with the demo data when it has none — like `npm start`. `stop()` ends them.
 * `env`: extra environment variables for every platform process (e.g. the ICE servers of sessions' media).
 */
export async function launchPlatforms(
  serverMain: string,
  dataRoot: string,
  platforms: PlatformName[],
  env: Record<string, string> = {},
): Promise<RunningSystem> {
  const ports = { court: await freePort(), mediation: await freePort() };
  const urls = {
    court: `http://127.0.0.1:${ports.court}`,
    mediation: `http://127.0.0.1:${ports.mediation}`,
  };
  const children = platforms.map((platform) => {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        serverMain,
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
          NODE_OPTIONS: '', // the test runner's loaders are not the program's
          DATABASE_URL: '',
          SUTIAO_RATE_LIMITS: 'off', // the journeys sign in dozens of users from one address
          SUTIAO_PEER_URL: platform === 'court' ? urls.mediation : urls.court,
          ...env,
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
    },
  };
}

/**
 * Starts both platforms, each on its own copy of the run's seeded data folder (so a file starts in the state a
 * fresh `npm start` reaches, without initializing, migrating and seeding a database per file).
 * A journey that needs only one platform may ask for it alone (`only`); the other URL then answers nothing.
 * `options.env`: extra environment variables for the platform processes (launchPlatforms).
 */
export async function startSystem(
  only?: PlatformName,
  options: { env?: Record<string, string> } = {},
): Promise<RunningSystem> {
  const { serverMain, seededDataRoot } = inject('journeyBuild');
  const dataRoot = await mkdtemp(join(tmpdir(), 'sutiao-e2e-'));
  const platforms = only ? [only] : PLATFORMS;
  await Promise.all(
    platforms.map((p) => cp(join(seededDataRoot, p), join(dataRoot, p), { recursive: true })),
  );
  const system = await launchPlatforms(serverMain, dataRoot, platforms, options.env).catch(
    async (error: unknown) => {
      await rm(dataRoot, { recursive: true, force: true });
      throw error;
    },
  );
  return {
    urls: system.urls,
    async stop() {
      await system.stop();
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
