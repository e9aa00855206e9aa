import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { benchDatabaseUrl, recreateBenchDatabase, serverVersion } from '../bench-database.ts';
import { percentile } from '../measure-latency.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { type Session, signIn } from '../sign-in.ts';

// `npm run bench:signaling` (issue 9 part 9): signaling message latency with N concurrent sessions of 4 people on
// the mediation platform (real server process, PostgreSQL, authorized WebSockets, the room rule on every frame),
// side by side with a bare `ws` relay of the same frames. Each person sends an offer-sized frame to the next person
// of their session at --rate per second for --seconds; latency is measured from send to receipt in this process.
const { values: flags } = parseArgs({
  options: {
    sessions: { type: 'string', default: '50' },
    rate: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '20' },
  },
});
const SESSIONS = Number(flags.sessions);
const RATE = Number(flags.rate);
const SECONDS = Number(flags.seconds);
/** Alternating rounds of anchor and platform. */
const ROUNDS = 2;
const PEOPLE = ['mediator1', 'investor1', 'firm_huaxin', 'firm_huaxin2'] as const;
const SERVER_PORT = 3393;
const ANCHOR_PORT = 3394;
const log = (line: string) => console.log(line);
// An SDP offer's size, so frames weigh what real signaling weighs.
const PAYLOAD = 'a'.repeat(2_500);

// biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of the API's answers
async function call(base: string, s: Session, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A case in mediation with a second person at the firm, so each session seats four people. */
async function prepareCase(base: string): Promise<{ caseId: string; sessions: Record<string, Session> }> {
  const db = new pg.Client({ connectionString: benchDatabaseUrl() });
  await db.connect();
  await db.query(`insert into users (id, username, display_name, password_hash, organization_id)
    select 'bench-firm-2', 'firm_huaxin2', '华信证券合规部 李华', password_hash, organization_id
    from users where username = 'firm_huaxin' on conflict do nothing`);
  await db.query(
    `insert into user_roles (user_id, role) values ('bench-firm-2', 'respondent') on conflict do nothing`,
  );
  await db.end();
  const who: Record<string, Session> = {};
  for (const u of [...PEOPLE, 'center_admin']) who[u] = await signIn(base, u);
  const s = (u: string) => who[u] as Session;
  const created = await call(base, s('investor1'), 'POST', '/api/cases', {
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 2_000_000,
    facts: '基准测试案件。',
    requests: '基准测试请求。',
    evidenceIds: [],
    consents: [
      { kind: 'online-mediation', version: '2026-01' },
      { kind: 'personal-data', version: '2026-01' },
    ],
    submit: true,
  });
  const fire = async (u: string, event: string, body: Record<string, unknown> = {}) => {
    const current = await call(base, s(u), 'GET', `/api/cases/${created.id}`);
    await call(base, s(u), 'POST', `/api/cases/${created.id}/${event}`, {
      expectedVersion: current.version,
      ...body,
    });
  };
  await fire('center_admin', 'register');
  await fire('center_admin', 'consult-respondent');
  await fire('firm_huaxin', 'respondent-reply', { willing: true });
  await fire('center_admin', 'accept');
  await fire('center_admin', 'set-track', { track: 'ordinary' });
  const me = await call(base, s('mediator1'), 'GET', '/api/me');
  await fire('center_admin', 'assign-mediator', { mediatorId: me.user.id });
  return { caseId: created.id, sessions: who };
}

interface Client {
  user: string;
  to: string;
  socket: WebSocket;
  next(type: string): Promise<Record<string, unknown>>;
}

function open(url: string, headers: Record<string, string>, user: string, to: string, latencies: number[]) {
  return new Promise<Client>((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const waiting = new Map<string, (f: Record<string, unknown>) => void>();
    socket.on('message', (raw) => {
      const f = JSON.parse(raw.toString()) as { type: string; data?: { t?: number } };
      if (f.type === 'signal' && typeof f.data?.t === 'number') latencies.push(performance.now() - f.data.t);
      waiting.get(f.type)?.(f);
      waiting.delete(f.type);
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_req, res) => reject(new Error(`${url}: HTTP ${res.statusCode}`)));
    socket.on('open', () =>
      resolve({
        user,
        to,
        socket,
        next: (type) => new Promise((r) => waiting.set(type, r)),
      }),
    );
  });
}

async function drive(clients: Client[], latencies: number[]) {
  latencies.length = 0;
  const timers = clients.map((c, i) =>
    setTimeout(
      () => {
        const timer = setInterval(
          () =>
            c.socket.send(
              JSON.stringify({ type: 'signal', to: c.to, data: { t: performance.now(), sdp: PAYLOAD } }),
            ),
          1000 / RATE,
        );
        timers.push(timer as unknown as ReturnType<typeof setTimeout>);
      },
      (i * 37) % 1000,
    ),
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 500));
  return [...latencies].sort((a, b) => a - b);
}

const summary = (name: string, sorted: number[]) =>
  `${name.padEnd(34)} messages=${sorted.length} (${Math.round(sorted.length / (SECONDS * ROUNDS))}/s)  p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms`;

async function main() {
  log(
    `signaling bench ${new Date().toISOString()} · ${cpus().length} cores · load ${loadavg()[0]?.toFixed(1)} · PostgreSQL ${await serverVersion()}`,
  );
  log(`${SESSIONS} sessions × ${PEOPLE.length} people, ${RATE} frames/s each for ${SECONDS} s`);
  await recreateBenchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'sutiao-bench-signal-'));
  let server: ServerProcess | null = null;
  const anchor = spawn(
    process.execPath,
    [fileURLToPath(new URL('./bare-ws-relay.mjs', import.meta.url)), String(ANCHOR_PORT)],
    {
      stdio: 'inherit',
    },
  );
  try {
    server = await startServer({
      port: SERVER_PORT,
      databaseUrl: benchDatabaseUrl(),
      dataDir,
      extraArgs: [],
      env: { SUTIAO_SEED_DEMO: '1' },
    });
    const base = server.url;
    log('server up; preparing the case');
    const { caseId, sessions: who } = await prepareCase(base);
    log('case in mediation; opening sessions');
    const ids: Record<string, string> = {};
    for (const u of PEOPLE) ids[u] = (await call(base, who[u] as Session, 'GET', '/api/me')).user.id;
    const latencies: number[] = [];

    // The platform: schedule and open the sessions, connect everyone, the mediator admits the others.
    const clients: Client[] = [];
    const admitted: number[] = [];
    for (let i = 0; i < SESSIONS; i += 1) {
      const made = await call(base, who.mediator1 as Session, 'POST', `/api/cases/${caseId}/sessions`, {
        scheduledAt: new Date(Date.now() + 60_000).toISOString(),
        expectedMinutes: 60,
      });
      await call(base, who.mediator1 as Session, 'POST', `/api/cases/${caseId}/sessions/${made.id}/open`, {
        expectedVersion: 1,
      });
      const url = `ws://127.0.0.1:${SERVER_PORT}/api/cases/${caseId}/sessions/${made.id}/signal`;
      const seated = await Promise.all(
        PEOPLE.map((u, k) =>
          open(
            url,
            { cookie: (who[u] as Session).cookie },
            u,
            ids[PEOPLE[(k + 1) % PEOPLE.length] as string] as string,
            latencies,
          ),
        ),
      );
      const [mediator, ...others] = seated as [Client, ...Client[]];
      await Promise.all(seated.map((c) => c.next('welcome')));
      for (const c of others) {
        const start = performance.now();
        const got = c.next('admitted');
        mediator.socket.send(JSON.stringify({ type: 'admit', userId: ids[c.user] }));
        await got;
        admitted.push(performance.now() - start);
      }
      clients.push(...seated);
    }
    const admittedSorted = admitted.sort((a, b) => a - b);
    log(
      `admit → admitted frame: p50=${percentile(admittedSorted, 50).toFixed(1)} ms p99=${percentile(admittedSorted, 99).toFixed(1)} ms (${admitted.length} admissions, each audited)`,
    );

    // The anchor: the same people, the same frames, a bare relay.
    const anchorClients: Client[] = [];
    for (let i = 0; i < SESSIONS; i += 1) {
      const url = (u: string) => `ws://127.0.0.1:${ANCHOR_PORT}/?room=r${i}&user=${ids[u]}`;
      anchorClients.push(
        ...(await Promise.all(
          PEOPLE.map((u, k) =>
            open(url(u), {}, u, ids[PEOPLE[(k + 1) % PEOPLE.length] as string] as string, latencies),
          ),
        )),
      );
    }
    // Alternating, twice each, so drift on the shared machine touches both.
    const results: { anchor: number[][]; platform: number[][] } = { anchor: [], platform: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      results.anchor.push(await drive(anchorClients, latencies));
      results.platform.push(await drive(clients, latencies));
    }
    const merge = (runs: number[][]) => runs.flat().sort((a, b) => a - b);
    const a = merge(results.anchor);
    const p = merge(results.platform);
    log(summary('anchor (bare ws relay)', a));
    log(summary('platform (authorized, room rule)', p));
    log(
      `ratio p99 platform / anchor = ${(percentile(p, 99) / Math.max(0.01, percentile(a, 99))).toFixed(2)}`,
    );
    for (const c of [...clients, ...anchorClients]) c.socket.close();
  } finally {
    anchor.kill('SIGTERM');
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
