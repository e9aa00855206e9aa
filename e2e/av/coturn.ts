import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A coturn `turnserver` of the test's own, on 127.0.0.1, checking TURN REST credentials made with `secret`. */
export interface Coturn {
  port: number;
  secret: string;
  realm: string;
  /** `turn:` URL of its UDP listener, as SUTIAO_TURN_URLS takes it. */
  url: string;
  /** Everything it has logged so far (verbose). */
  log(): string;
  stop(): Promise<void>;
}

const REALM = 'sutiao.test';

/** One TURN allocation as coturn's verbose log tells it. */
export interface Allocation {
  session: string;
  username: string;
  /** Bytes relayed between the allocation and its peers, once the allocation has ended (`peer usage`). */
  peerBytes?: { received: number; sent: number };
}

/** The allocations in a coturn log, in the order they were made. */
export function allocations(log: string): Allocation[] {
  const bySession = new Map<string, Allocation>();
  for (const m of log.matchAll(/session (\d+): new, realm=<[^>]*>, username=<([^>]*)>/g))
    bySession.set(m[1] as string, { session: m[1] as string, username: m[2] as string });
  for (const m of log.matchAll(
    /session (\d+): peer usage: realm=<[^>]*>, username=<[^>]*>, rp=\d+, rb=(\d+), sp=\d+, sb=(\d+)/g,
  )) {
    const allocation = bySession.get(m[1] as string);
    if (allocation) allocation.peerBytes = { received: Number(m[2]), sent: Number(m[3]) };
  }
  return [...bySession.values()];
}

/** Fails with a message saying how to get coturn, rather than skipping the relay test. */
function requireTurnserver(): void {
  const onPath = (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'turnserver'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!onPath)
    throw new Error(
      'coturn is not installed: the TURN relay test needs `turnserver` on PATH ' +
        '(Debian: apt-get install -y --no-install-recommends coturn; .ci/run installs it).',
    );
}

/** A port free on 127.0.0.1 for both TCP and UDP (coturn listens on both). */
async function freeTcpUdpPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free port for coturn on 127.0.0.1');
}

/** Whether a STUN Binding request to 127.0.0.1:`port` over UDP gets a success response within `ms`. */
function stunAnswers(port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const transaction = randomBytes(12);
    // RFC 5389 header: Binding request (0x0001), no attributes, the magic cookie, a transaction id.
    const request = Buffer.concat([
      Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]),
      transaction,
    ]);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on('error', () => done(false));
    socket.on('message', (message) => {
      done(message.readUInt16BE(0) === 0x0101 && message.subarray(8, 20).equals(transaction));
    });
    socket.send(request, port, '127.0.0.1');
  });
}

/**
 * Starts `turnserver` with no configuration file (the Debian package's /etc/turnserver.conf is not read), on a
 * random port, relaying between loopback addresses only, with TURN REST API credentials (`use-auth-secret`) as the
 * platform's SUTIAO_TURN_SECRET makes them. Resolves once it answers a STUN Binding request.
 */
export async function startCoturn(): Promise<Coturn> {
  requireTurnserver();
  const port = await freeTcpUdpPort();
  const secret = randomBytes(18).toString('base64url');
  const dir = await mkdtemp(join(tmpdir(), 'sutiao-coturn-'));
  let output = '';
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-c',
      '/dev/null',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      `--realm=${REALM}`,
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--verbose',
      '--log-file=stdout',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      `--db=${join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += `${error.message}\n`;
      resolve();
    });
  }).then(() => {
    running = false;
  });
  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!(await stunAnswers(port, 200))) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`turnserver did not start on 127.0.0.1:${port}:\n${output}`);
    }
  }
  return {
    port,
    secret,
    realm: REALM,
    url: `turn:127.0.0.1:${port}?transport=udp`,
    log: () => output,
    stop,
  };
}
