import { DOCKING_REJECTION_CODES } from '@sutiao/domain/docking/receipt.ts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@sutiao/domain/error-catalogue.ts';
import type { Platform } from '@sutiao/domain/roles.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { caseIn, journeyActors } from '../support/case-fixtures.ts';
import { type Operation, operationsOf, requestTo } from '../support/fuzz-requests.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

/**
 * Generated requests to every operation both platforms document (/api/openapi.json): bodies near their schema and
 * far from it, hostile text, bytes and numbers in paths, queries and bodies, malformed multipart, missing CSRF
 * tokens, sent by each kind of user and by nobody. Every answer must be below 500 and, when it is an error, carry a
 * catalogued code with that code's status; a refused request must leave the database as it was.
 *
 * `npm test` runs a short form; `npm run fuzz` the full one (SUTIAO_FUZZ_REQUESTS, default 10,000, spread over the
 * engines and platforms), and prints the figures.
 */
const TOTAL = Number(process.env.SUTIAO_FUZZ_REQUESTS ?? 0) || undefined;
/** Per operation, platform and engine in the short form: enough to reach every operation with several shapes. */
const SHORT_RUNS_PER_OPERATION = 3;
const SEED = Number(process.env.SUTIAO_FUZZ_SEED ?? 20_261_202);

/** One user of each kind that reaches different code (an argon2 sign-in each, so not every demo user). */
const ACTORS: Record<Platform, string[]> = {
  mediation: ['investor1', 'center_admin', 'mediator1', 'firm_huaxin', 'analyst1', 'm_auditadmin'],
  court: ['sh74_filing', 'sh74_judge', 'c_auditadmin'],
};

/**
 * What a refused request may still write, by design: the audit trail of the refusal (denials, failed sign-ins),
 * the sign-in failure counters behind the lockout, and the session's last activity. Everything else must be as before.
 */
const BOOKKEEPING = new Set([
  'audit_log',
  'audit_log_leaves',
  'audit_tree_nodes',
  'audit_tree_heads',
  'login_failures',
  'sessions',
  'job_leases',
  // The docking inbox keeps every message it refuses, for inspection (docs/docking-protocol.md).
  'docking_rejections',
  // Derived statistics rows (migration 020): any read of the figures brings them up to date.
  'case_occurrences',
  'statistics_dirty_cases',
]);

/**
 * A refusal in the answer's contract: the shared `{code, message}` error, or — on the peer endpoint — a signed
 * rejection receipt whose code is one of the protocol's.
 */
function isCataloguedRefusal(status: number, body: Record<string, unknown>): boolean {
  const def = ERRORS[body.code as keyof typeof ERRORS];
  if (def && def.status === status && typeof body.message === 'string' && body.message) return true;
  const receipt = (body.receipt as { receipt?: { outcome?: string; code?: string } } | undefined)?.receipt;
  return (
    status === 422 &&
    receipt?.outcome === 'rejected' &&
    Object.hasOwn(DOCKING_REJECTION_CODES, receipt.code ?? '')
  );
}

/** One digest of every table's rows (but the bookkeeping), to compare the database before and after a request. */
async function stateDigest(t: TestApp, tables: readonly string[]): Promise<string> {
  const parts = tables.map(
    (name) =>
      sql`select ${name} as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(name)} x`,
  );
  const { rows } = await sql<{ t: string; h: string }>`${sql.join(parts, sql` union all `)}`.execute(
    t.deps.db,
  );
  return rows
    .map((r) => `${r.t}:${r.h}`)
    .sort()
    .join(',');
}

interface Tally {
  requests: number;
  byClass: Record<string, number>;
  serverErrors: string[];
  uncatalogued: string[];
  stateChanges: string[];
}

describe.each(ENGINES)('fuzzing the HTTP API on %s', (engine) => {
  describe.each(['mediation', 'court'] as const)('the %s platform', (platform) => {
    let t: TestApp;
    let ops: Operation[];
    let doc: Parameters<typeof operationsOf>[0];
    let ids: string[];
    let tables: string[];
    let sessions: ({ cookie: string; 'x-csrf-token': string } | null)[];
    const tally: Tally = { requests: 0, byClass: {}, serverErrors: [], uncatalogued: [], stateChanges: [] };

    beforeAll(async () => {
      t = await createTestApp(engine, platform);
      doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      ops = operationsOf(doc);
      if (platform === 'mediation') {
        // Cases in a few states, so ids in paths reach the lifecycle and not only "not found".
        const actors = await journeyActors(t);
        await caseIn(t, actors, 'submitted');
        await caseIn(t, actors, 'mediating');
        const others = await Promise.all(ACTORS.mediation.slice(4).map((name) => t.login(name)));
        sessions = [actors.investor, actors.admin, actors.mediator, actors.firm, ...others];
      } else {
        sessions = await Promise.all(ACTORS.court.map((name) => t.login(name)));
      }
      const listed = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.deps.db);
      tables = listed.rows.map((r) => r.table_name).filter((name) => !BOOKKEEPING.has(name));
      const withId = await sql<{ table_name: string }>`
        select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'id'`.execute(t.deps.db);
      ids = [];
      for (const { table_name } of withId.rows) {
        const rows = await sql<{
          id: string;
        }>`select id::text as id from ${sql.table(table_name)} limit 3`.execute(t.deps.db);
        ids.push(...rows.rows.map((r) => r.id));
      }
      ids.push('1', '2', '999999');
    }, 300_000);
    afterAll(async () => {
      console.log(`fuzz ${engine} ${platform}: ${JSON.stringify({ ...tally, operations: ops?.length })}`);
      await t?.close();
    });

    // The full form gives each engine and platform a quarter of the requests.
    const runsPerOperation = () =>
      TOTAL ? Math.ceil(TOTAL / ENGINES.length / 2 / ops.length) : SHORT_RUNS_PER_OPERATION;

    it('answers every generated request below 500, with a catalogued code, and changes nothing it refuses', async () => {
      expect(ops.length).toBeGreaterThan(10);
      let before = await stateDigest(t, tables);
      for (const [index, op] of ops.entries()) {
        await fc.assert(
          fc.asyncProperty(requestTo(op, doc, ids, sessions.length), async (req) => {
            const session = sessions[req.actor] ?? null;
            const headers: Record<string, string> = { ...req.headers };
            if (session) {
              headers.cookie = session.cookie;
              if (req.csrf) headers['x-csrf-token'] = session['x-csrf-token'];
            }
            const res = await t.app.inject({
              method: req.method as 'GET',
              url: req.url,
              headers,
              ...(req.payload === undefined ? {} : { payload: req.payload }),
            });
            tally.requests += 1;
            const statusClass = `${Math.floor(res.statusCode / 100)}xx`;
            tally.byClass[statusClass] = (tally.byClass[statusClass] ?? 0) + 1;
            const where = `${req.method} ${req.url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
            if (res.statusCode >= 500) tally.serverErrors.push(where);
            if (res.statusCode >= 400) {
              const body = String(res.headers['content-type']).startsWith('application/json')
                ? res.json()
                : {};
              if (!isCataloguedRefusal(res.statusCode, body)) tally.uncatalogued.push(where);
            }
            const after = await stateDigest(t, tables);
            if (res.statusCode >= 400 && after !== before) tally.stateChanges.push(where);
            before = after;
            // A session ended by the request (sign-out): sign that actor in again, if the lockout still lets them.
            if (session && res.statusCode === 200 && req.url.startsWith('/api/auth/logout')) {
              sessions[req.actor] = await t.login(ACTORS[platform][req.actor]!).catch(() => null);
            }
            // Judged below over the whole run, so one bad answer does not hide the others.
            return true;
          }),
          { numRuns: runsPerOperation(), seed: SEED + index, endOnFailure: true },
        );
      }
      expect(tally.serverErrors).toEqual([]);
      expect(tally.uncatalogued).toEqual([]);
      expect(tally.stateChanges).toEqual([]);
      expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
    }, 3_600_000);
  });
});
