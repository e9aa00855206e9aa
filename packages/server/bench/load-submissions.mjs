// Load generator for POST /api/cases (submit: true), run as its own process so it does not share an event loop
// with the orchestrator. Usage: node load-submissions.mjs <baseUrl> <sessions.json> <seconds> <connections> <warmupSeconds> [path]
// Prints one JSON line with the measured run's figures. `path` (default /api/cases) lets the bare anchor get the very
// same requests.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [baseUrl, sessionsFile, seconds, connections, warmupSeconds, path = '/api/cases'] =
  process.argv.slice(2);
const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8'));
const firms = ['firm-huaxin', 'firm-dongfang', 'firm-donghai-fut', 'firm-xinghe', 'firm-b-001', 'firm-b-042'];
const consents = [
  { kind: 'online-mediation', version: '2026-01' },
  { kind: 'personal-data', version: '2026-01' },
];
let nextSession = 0;
let sent = 0;

/** Each connection acts as one signed-in investor, with its own cookie and CSRF token. */
function setupRequest(request, context) {
  context.session ??= sessions[nextSession++ % sessions.length];
  sent += 1;
  return {
    ...request,
    headers: {
      'content-type': 'application/json',
      cookie: context.session.cookie,
      'x-csrf-token': context.session.csrf,
    },
    body: JSON.stringify({
      respondentOrgId: firms[sent % firms.length],
      claimAmountFen: 100_000 + (sent % 9_000_000),
      facts: `（压测）被申请人未履行适当性义务，推荐高风险产品造成损失。序号 ${sent}`,
      requests: '请求被申请人赔偿投资损失。',
      evidenceIds: [],
      consents,
      submit: true,
    }),
  };
}

function run(duration) {
  return autocannon({
    url: baseUrl,
    connections: Number(connections),
    duration,
    requests: [{ method: 'POST', path, setupRequest }],
  });
}

if (Number(warmupSeconds) > 0) await run(Number(warmupSeconds));
const result = await run(Number(seconds));
const statuses = {};
for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count.count;
process.stdout.write(
  `${JSON.stringify({
    seconds: result.duration,
    connections: result.connections,
    requests: result.requests.total,
    perSecond: result.requests.average,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  })}\n`,
);
