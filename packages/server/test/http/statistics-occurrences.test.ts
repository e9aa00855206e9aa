import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computedOccurrencesCte,
  OCCURRENCE_COLUMNS,
} from '../../src/use-cases/mediation/statistics/occurrences.ts';
import { refreshOccurrences } from '../../src/use-cases/mediation/statistics/refresh-occurrences.ts';
import type { Headers } from '../support/case-fixtures.ts';
import { seedStatisticsBook, statisticsBook } from '../support/statistics-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

// Issue 13 part 5: the figures read table case_occurrences, kept by triggers and a refresh before every read. These
// tests hold the table to the query that defines the occurrences, run directly over every case.
describe.each(ENGINES)('kept statistics occurrences on %s', (engine) => {
  let t: TestApp;
  let regulator: Headers;
  const columns = sql.join(OCCURRENCE_COLUMNS.map((c) => sql.ref(c)));
  const order = sql`order by case_id, figure, day, amount, days nulls first, pending`;
  const normalize = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r));

  async function direct(caseId?: string): Promise<string[]> {
    const ids = caseId
      ? [caseId]
      : (await t.deps.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
    const { rows } = await sql<Record<string, unknown>>`
      with ${computedOccurrencesCte(ids)} select ${columns} from occurrences ${order}`.execute(t.deps.db);
    return normalize(rows);
  }
  async function kept(caseId?: string): Promise<string[]> {
    const { rows } = await sql<Record<string, unknown>>`
      select ${columns} from case_occurrences ${caseId ? sql`where case_id = ${caseId}` : sql``} ${order}`.execute(
      t.deps.db,
    );
    return normalize(rows);
  }
  const dirtyCount = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from statistics_dirty_cases`.execute(t.deps.db)).rows[0]
        ?.n,
    );
  const statistics = (query: string) =>
    t.app.inject({ url: `/api/statistics?${query}`, headers: { ...regulator, 'accept-language': 'en' } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedStatisticsBook(t.deps, statisticsBook(40));
    regulator = await t.login('regulator1');
  });
  afterAll(async () => t?.close());

  it('holds exactly the rows the defining query computes, after a read and after each kind of change', async () => {
    expect(await dirtyCount()).toBeGreaterThan(0);
    expect((await statistics('from=2023-01-01&to=2026-12-31')).statusCode).toBe(200);
    expect(await dirtyCount()).toBe(0);
    const first = await kept();
    expect(first.length).toBeGreaterThan(100);
    expect(first).toEqual(await direct());

    // A timeline entry, a payment corrected, a case's track changed, an organization moved to another region.
    const target = await sql<{ id: string; organization_id: string }>`
      select c.id, c.organization_id from cases c
      where not exists (select 1 from case_events e where e.case_id = c.id and e.event in ('refuse', 'decline'))
        and exists (select 1 from case_occurrences o where o.case_id = c.id)
      order by c.id limit 1`.execute(t.deps.db);
    const caseRow = target.rows[0];
    if (!caseRow) throw new Error('the book has no case to change');
    await sql`insert into case_events (case_id, event, from_status, to_status, actor_role, actor_name, at, payload)
      values (${caseRow.id}, 'refuse', 'consulting', 'not_accepted', 'system', '测试', '2025-03-04T02:00:00Z', '{}')`.execute(
      t.deps.db,
    );
    await sql`update case_payments set amount_fen = amount_fen + 100
      where id = (select min(id) from case_payments)`.execute(t.deps.db);
    await sql`update cases set track = 'complex' where id = (select max(case_id) from case_occurrences)`.execute(
      t.deps.db,
    );
    await sql`update organizations set region = '测试区' where id = ${caseRow.organization_id}`.execute(
      t.deps.db,
    );
    expect(await dirtyCount()).toBeGreaterThan(1);
    const direct2 = await direct();
    // The changes matter: the kept rows are behind until a read refreshes them.
    expect(await kept()).not.toEqual(direct2);

    const res = await statistics('from=2025-03-04&to=2025-03-04&groupBy=region');
    expect(res.statusCode).toBe(200);
    expect(await dirtyCount()).toBe(0);
    expect(await kept()).toEqual(direct2);
    const region = res.json().groups.find((g: { key: string }) => g.key === '测试区');
    expect(region?.figures.notAccepted).toBeGreaterThanOrEqual(1);
  });

  it('recomputes every case from nothing, as after the migration that created the table', async () => {
    const before = await kept();
    await sql`delete from case_occurrences`.execute(t.deps.db);
    await sql`insert into statistics_dirty_cases (case_id) select id from cases`.execute(t.deps.db);
    const cases = await t.deps.db.selectFrom('cases').select('id').execute();
    expect(await refreshOccurrences(t.deps.db)).toBe(cases.length);
    expect(await kept()).toEqual(before);
    expect(await refreshOccurrences(t.deps.db)).toBe(0);
  });

  it('counts a running deadline as missed only from the day after its last day', async () => {
    const { rows } = await sql<{ id: string }>`select id from cases order by id desc limit 1`.execute(
      t.deps.db,
    );
    const caseId = rows[0]?.id as string;
    await sql`insert into case_events (case_id, event, from_status, to_status, actor_role, actor_name, at, payload,
        deadline_kind, deadline_date)
      values (${caseId}, 'extend', 'mediating', 'mediating', 'system', '测试', '2030-01-01T02:00:00Z', '{}',
        'mediation', '2030-01-31')`.execute(t.deps.db);
    await refreshOccurrences(t.deps.db);
    const pending = await sql<{ day: string; pending: boolean }>`
      select to_char(day, 'YYYY-MM-DD') as day, pending from case_occurrences
      where case_id = ${caseId} and figure = 'deadlinesMissed' and pending`.execute(t.deps.db);
    // Running (no next step): kept as pending, dated the day after the last day; no reader before then counts it.
    expect(pending.rows).toEqual([{ day: '2030-02-01', pending: true }]);
    const missed = await statistics('from=2030-01-01&to=2030-12-31');
    expect(missed.json().totals.deadlinesMissed).toBe(0);
  });

  if (engine === 'postgres')
    it('leaves no change behind when a writer marks a case while a refresh waits on it', async () => {
      const { rows } = await sql<{ id: string }>`
        select c.id from cases c
        where not exists (select 1 from case_events e where e.case_id = c.id and e.event in ('refuse', 'decline'))
        order by c.id limit 1`.execute(t.deps.db);
      const caseId = rows[0]?.id as string;
      await sql`select mark_statistics_dirty(${caseId})`.execute(t.deps.db);
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted!: () => void;
      const insertedSignal = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const writer = t.deps.db.transaction().execute(async (trx) => {
        await sql`insert into case_events (case_id, event, from_status, to_status, actor_role, actor_name, at, payload)
          values (${caseId}, 'refuse', 'consulting', 'not_accepted', 'system', '测试', '2025-05-06T02:00:00Z', '{}')`.execute(
          trx,
        );
        inserted();
        await held;
      });
      await insertedSignal;
      let finished = false;
      const refresh = refreshOccurrences(t.deps.db).then((n) => {
        finished = true;
        return n;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The refresh waits for the writer's mark instead of reading the case without its new entry.
      expect(finished).toBe(false);
      release();
      await writer;
      await refresh;
      const rowsNow = await kept(caseId);
      expect(rowsNow).toEqual(await direct(caseId));
      expect(rowsNow.some((r) => r.includes('"notAccepted"'))).toBe(true);
    });
});
