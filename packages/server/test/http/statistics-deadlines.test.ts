import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClient, caseIn, type Headers, journeyActors } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const DAY_MS = 86_400_000;
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

interface TimelineEntry {
  case_id: string;
  id: number;
  from_status: string | null;
  to_status: string;
  at: Date;
  deadline_date: string | null;
}

/**
 * Deadline outcomes computed from the timelines in plain code, the rule as the figure's definition states it: a
 * deadline starts where a transition set it (not where a self-transition kept it), and is met when the next step —
 * leaving the state, or a new deadline replacing it — came by its last day; missed when that last day passed first.
 */
function outcomes(entries: TimelineEntry[], today: string) {
  const result: { caseId: string; figure: 'deadlinesMet' | 'deadlinesMissed'; day: string }[] = [];
  const byCase = new Map<string, TimelineEntry[]>();
  for (const e of entries) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
  for (const [caseId, list] of byCase) {
    list.sort((a, b) => a.id - b.id);
    list.forEach((e, i) => {
      const prev = list[i - 1];
      if (!e.deadline_date) return;
      if (prev && prev.to_status === e.to_status && prev.deadline_date === e.deadline_date) return;
      const next = list
        .slice(i + 1)
        .find((n) => n.from_status !== n.to_status || n.deadline_date !== e.deadline_date);
      const nextDay_ = next ? beijingDate(new Date(next.at)) : null;
      if (nextDay_ !== null && nextDay_ <= e.deadline_date)
        result.push({ caseId, figure: 'deadlinesMet', day: nextDay_ });
      else if (e.deadline_date < today)
        result.push({ caseId, figure: 'deadlinesMissed', day: nextDay(e.deadline_date) });
    });
  }
  return result;
}

describe.each(ENGINES)('deadline compliance on %s', (engine) => {
  let t: TestApp;
  let regulator: Headers;
  let onTime = '';
  let late = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const actors = await journeyActors(t);
    // One case steps through acceptance at once; another waits three weeks after registration.
    onTime = (await caseIn(t, actors, 'accepted')).id;
    late = (await caseIn(t, actors, 'registered')).id;
    t.clock.advance(21 * DAY_MS);
    const later = await journeyActors(t);
    const res = await caseClient(t).fire(later.admin, late, 'consult-respondent');
    expect(res.statusCode).toBe(200);
    regulator = await t.login('regulator1');
  });
  afterAll(() => t.close());

  it('counts each deadline as met or missed, equal to the rule computed from the timelines, with drill-down', async () => {
    const today = beijingDate(t.clock.now);
    const from = beijingDate(new Date(t.clock.now.getTime() - 60 * DAY_MS));
    const entries = await t.deps.db
      .selectFrom('case_events')
      .select(['case_id', 'id', 'from_status', 'to_status', 'at', 'deadline_date'])
      .execute();
    const expected = outcomes(entries as TimelineEntry[], today).filter(
      (o) => o.day >= from && o.day <= today,
    );
    const met = expected.filter((o) => o.figure === 'deadlinesMet');
    const missed = expected.filter((o) => o.figure === 'deadlinesMissed');
    expect(met.length).toBeGreaterThan(0);
    expect(missed.map((o) => o.caseId)).toContain(late);
    expect(met.map((o) => o.caseId)).toContain(onTime);

    const api = caseClient(t);
    const stats = (await api.get(regulator, `/api/statistics?from=${from}&to=${today}`)).json();
    expect(stats.totals.deadlinesMet).toBe(met.length);
    expect(stats.totals.deadlinesMissed).toBe(missed.length);
    expect(stats.totals.deadlineCompliance).toBe(
      Math.round((met.length / (met.length + missed.length)) * 10_000) / 10_000,
    );
    expect(stats.definitions.map((d: { figure: string }) => d.figure)).toContain('deadlineCompliance');

    const list = (
      await api.get(
        regulator,
        `/api/statistics/cases?from=${from}&to=${today}&figure=deadlinesMissed&pageSize=100`,
      )
    ).json();
    expect(list.total).toBe(missed.length);
    expect(list.items.map((i: { caseId: string }) => i.caseId)).toContain(late);
  });

  it('does not count a deadline still running today, even in a period reaching past its last day', async () => {
    const today = beijingDate(t.clock.now);
    const running = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'next_deadline_date'])
      .where('id', 'in', [onTime, late])
      .where('next_deadline_date', '>=', today)
      .execute();
    expect(running.length).toBeGreaterThan(0);
    for (const c of running) {
      // Were the running deadline counted as missed, it would fall on the day after its last day, inside this period.
      const to = nextDay(c.next_deadline_date as string);
      const list = (
        await caseClient(t).get(
          regulator,
          `/api/statistics/cases?from=${today}&to=${to}&figure=deadlinesMissed&pageSize=100`,
        )
      ).json();
      expect(list.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);
    }
  });
});
