import http from 'node:http';
import type { Session } from './sign-in.ts';

export interface LatencyResult {
  name: string;
  path: string;
  requests: number;
  total: number | null;
  items: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over the shared keep-alive connection, without a time limit. */
export function get(url: string, session: Session): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { cookie: session.cookie, accept: 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
  });
}

/** Nearest-rank percentile of sorted milliseconds. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/**
 * Sequential requests over one keep-alive connection: `warmup` unmeasured (at most a quarter of the budget), then
 * `count` measured — or fewer when `budgetMs` runs out first (a slow baseline must not blow the benchmark's time
 * bound; the count is reported).
 */
export async function measureLatency(
  name: string,
  baseUrl: string,
  path: string,
  session: Session,
  options: { warmup: number; count: number; budgetMs: number },
): Promise<LatencyResult> {
  let last = { total: null as number | null, items: 0 };
  const once = async () => {
    const res = await get(`${baseUrl}${path}`, session);
    if (res.status !== 200)
      throw new Error(`${name}: GET ${path} answered ${res.status} ${res.body.slice(0, 200)}`);
    // A list answers { total, items }; any other JSON answer (a dashboard) counts as one item.
    const body = JSON.parse(res.body) as { total?: number; items?: unknown[] };
    last = { total: body.total ?? null, items: Array.isArray(body.items) ? body.items.length : 1 };
  };
  const warmupEnd = Date.now() + options.budgetMs / 4;
  for (let i = 0; i < options.warmup && (i === 0 || Date.now() < warmupEnd); i++) await once();
  const budgetEnd = Date.now() + options.budgetMs;
  const times: number[] = [];
  while (times.length < options.count && Date.now() < budgetEnd) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    path,
    requests: times.length,
    total: last.total,
    items: last.items,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
  };
}
