import type pg from 'pg';
import { type LatencyResult, measureLatency } from './measure-latency.ts';
import type { Session } from './sign-in.ts';

export interface ListActors {
  mediator: Session;
  mediatorCases: number;
  orgAdmin: Session;
}

/** The busiest bench mediator (most submitted cases assigned) — the mediator's list at its heaviest. */
export async function busiestMediator(client: pg.Client): Promise<{ username: string; cases: number }> {
  const { rows } = await client.query<{ username: string; cases: number }>(
    `select u.username, count(*)::int as cases from cases c join users u on u.id = c.mediator_user_id
     where c.status <> 'draft' group by u.username order by 2 desc limit 1`,
  );
  if (!rows[0]) throw new Error('no mediator has cases');
  return rows[0];
}

const SCENARIOS = (a: ListActors) => [
  { name: 'mediator, first page', session: a.mediator, path: '/api/cases?page=1&pageSize=20' },
  { name: 'mediator, page 100', session: a.mediator, path: '/api/cases?page=100&pageSize=20' },
  {
    name: 'mediator, status=mediating, first page',
    session: a.mediator,
    path: '/api/cases?status=mediating&page=1&pageSize=20',
  },
  {
    name: 'mediator, status=mediating, page 20',
    session: a.mediator,
    path: '/api/cases?status=mediating&page=20&pageSize=20',
  },
  { name: 'center org admin, first page', session: a.orgAdmin, path: '/api/cases?page=1&pageSize=20' },
  { name: 'center org admin, page 500', session: a.orgAdmin, path: '/api/cases?page=500&pageSize=20' },
  {
    name: 'center org admin, status=mediating, first page',
    session: a.orgAdmin,
    path: '/api/cases?status=mediating&page=1&pageSize=20',
  },
  {
    name: 'center org admin, status=mediating, page 200',
    session: a.orgAdmin,
    path: '/api/cases?status=mediating&page=200&pageSize=20',
  },
];

export async function runListScenarios(
  baseUrl: string,
  actors: ListActors,
  options: { warmup: number; count: number; budgetMs: number },
  log: (line: string) => void,
): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const s of SCENARIOS(actors)) {
    const r = await measureLatency(s.name, baseUrl, s.path, s.session, options);
    log(
      `  ${s.name.padEnd(48)} n=${r.requests} p50=${r.p50.toFixed(1)} p95=${r.p95.toFixed(1)} p99=${r.p99.toFixed(1)} ms (total ${r.total}, ${r.items} items)`,
    );
    results.push(r);
  }
  return results;
}
