import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTAL_COUNT_CAP } from '../../src/use-cases/mediation/cases/list-cases.ts';
import { caseClient, type Headers, journeyActors } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

interface Page {
  items: { id: string; status: string; organizationName: string; updatedAt: string }[];
  total: number;
  totalCapped: boolean;
}

/** Bulk cases straight into the table (as the benchmark seeds them): `n` per call, newest last. */
async function insertCases(t: TestApp, n: number, org: string, status: string, mediatorId: string | null) {
  const investor = await t.deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'investor1')
    .executeTakeFirstOrThrow();
  await sql`
    insert into cases (id, case_number, organization_id, applicant_user_id, respondent_org_id, mediator_user_id,
      status, claim_amount_fen, facts, requests, applicant_name, submitted_at, created_at, updated_at)
    select gen_random_uuid()::text, null, ${org}, ${investor.id}, 'firm-huaxin', ${mediatorId}, ${status}, 1000,
      'f', 'r', '张伟', now(), now(), now() - (g || ' seconds')::interval
    from generate_series(1, ${n}::int) g`.execute(t.deps.db);
}

describe.each(ENGINES)('case list paging and totals on %s', (engine) => {
  let t: TestApp;
  let admin: Headers;
  let mediator: Headers;
  const list = async (who: Headers, query: string): Promise<Page> => {
    const res = await caseClient(t).get(who, `/api/cases?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const a = await journeyActors(t);
    admin = a.admin;
    mediator = a.mediator;
    await insertCases(t, 30, 'ws-01', 'mediating', a.mediatorId);
    await insertCases(t, 25, 'org-center', 'registered', null);
    await insertCases(t, 40, 'org-sac', 'registered', null);
    await insertCases(t, 5, 'ws-02', 'draft', null);
  });
  afterAll(async () => t?.close());

  it('gives the center admin its own and its workstations’ submitted cases, exactly counted', async () => {
    const all = await list(admin, 'pageSize=100');
    const demo = all.total - 55;
    expect(demo).toBeGreaterThanOrEqual(0);
    expect(all.totalCapped).toBe(false);
    expect(all.items.some((c) => c.organizationName.includes('北京调解工作站'))).toBe(true);
    expect(all.items.every((c) => c.status !== 'draft')).toBe(true);
    expect(all.items.some((c) => c.organizationName.includes('证券业协会'))).toBe(false);
    const registered = await list(admin, 'status=registered&pageSize=5');
    expect(registered.items).toHaveLength(5);
    expect(registered.items.every((c) => c.status === 'registered')).toBe(true);
    expect(registered.total).toBeGreaterThanOrEqual(25);
  });

  it('pages newest first without overlap or holes', async () => {
    const whole = await list(admin, 'pageSize=100');
    const pages = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page++) {
      pages.push(...(await list(admin, `page=${page}&pageSize=7`)).items.map((c) => c.id));
    }
    expect(pages).toEqual(whole.items.map((c) => c.id));
    const times = whole.items.map((c) => c.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const beyond = await list(admin, 'page=1000&pageSize=20');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(whole.total);
  });

  it('gives a mediator only the assigned cases', async () => {
    const mine = await list(mediator, 'pageSize=100');
    expect(mine.total).toBeGreaterThanOrEqual(30);
    expect(mine.items.every((c) => c.status !== 'draft')).toBe(true);
    const mediating = await list(mediator, 'status=mediating&page=2&pageSize=20');
    expect(mediating.items.length).toBe(mediating.total - 20);
  });

  it('stops counting at the cap and says so', async () => {
    await insertCases(t, TOTAL_COUNT_CAP + 10, 'ws-03', 'failed', null);
    const capped = await list(admin, 'pageSize=20');
    expect(capped).toMatchObject({ total: TOTAL_COUNT_CAP, totalCapped: true });
    expect(capped.items).toHaveLength(20);
    // A page past the cap still answers, counting to its end.
    const deep = await list(admin, `page=${TOTAL_COUNT_CAP / 20 + 1}&pageSize=20`);
    expect(deep.items).toHaveLength(20);
    expect(deep).toMatchObject({ total: TOTAL_COUNT_CAP + 20, totalCapped: true });
    const exact = await list(admin, 'status=registered&pageSize=1');
    expect(exact.totalCapped).toBe(false);
  });
});
