import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

/** Court cases of 2024: [court, referral, outcome, days to the outcome]. */
const BOOK = [
  ['court-sh74', 'delegate', 'report-settled', 10],
  ['court-sh74', 'entrust', 'report-settled', 20],
  ['court-sh74', 'delegate', 'report-failed', 25],
  ['court-sh-hp', 'delegate', 'report-settled', 4],
  ['court-sh-hp', 'delegate', 'report-failed', 30],
  ['court-sh-hp', 'entrust', 'report-failed', 12],
  ['court-sh-hp', 'delegate', null, 0],
  ['court-bj74', 'delegate', 'report-settled', 6],
] as const;
const WEIGHTS = { successRate: 40, speed: 20, satisfaction: 0, dockingVolume: 30, trainingHours: 10 };

describe.each(ENGINES)('court scorecards (%s)', (engine) => {
  let t: TestApp;
  let shanghai: Headers;
  let sysadmin: Headers;

  beforeAll(async () => {
    t = await createTestApp(engine, 'court');
    for (const [i, [court, referral, outcome, days]] of BOOK.entries()) {
      const start = Date.parse('2024-03-01T10:00:00+08:00') + i * 86_400_000;
      const id = `court-eval-${i}`;
      await t.deps.db
        .insertInto('court_cases')
        .values({
          id,
          kind: referral === 'delegate' ? 'delegation' : 'entrustment',
          status: outcome ? 'closed' : 'mediating',
          court_id: court,
          claims: '评估测试',
          claim_amount_fen: 100_000,
          facts: '评估测试',
          organization_id: 'org-center',
          organization_name: 'org-center',
          created_at: new Date(start),
          updated_at: new Date(start),
        } as never)
        .execute();
      const events: [string, number][] = [
        [referral, 0],
        ['receive', 1],
      ];
      if (outcome) events.push([outcome, days]);
      for (const [event, after] of events)
        await t.deps.db
          .insertInto('court_case_events')
          .values({
            case_id: id,
            event,
            from_status: null,
            to_status: event,
            actor_name: '测试',
            at: new Date(start + after * 86_400_000),
            payload: '{}',
          })
          .execute();
    }
    // 上海金融法院's judge met 2024's 16 hours; 黄浦法院's judge did not. Both took up the role before 2024.
    await t.deps.db
      .updateTable('users')
      .set({ created_at: new Date('2023-06-01T09:00:00+08:00') })
      .execute();
    const judge = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sh74_judge')
      .executeTakeFirstOrThrow();
    const admin = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'shgy_admin')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('training_courses')
      .values({
        id: 'court-eval-course',
        title: '审判实务',
        organizer_id: 'court-sh-high',
        co_organizer_ids: [],
        mode: 'in_person',
        location: '上海高院',
        starts_at: new Date('2024-05-06T09:00:00+08:00'),
        ends_at: new Date('2024-05-08T17:00:00+08:00'),
        hours_x10: 160,
        audience: ['judge'],
        capacity: null,
        status: 'completed',
        created_by: admin.id,
        created_at: new Date('2024-04-01T09:00:00+08:00'),
        closed_at: new Date('2024-05-08T18:00:00+08:00'),
      })
      .execute();
    await t.deps.db
      .insertInto('training_enrollments')
      .values({
        course_id: 'court-eval-course',
        user_id: judge.id,
        enrolled_at: new Date('2024-04-02T09:00:00+08:00'),
        attendance: 'attended',
        hours_x10: 160,
        credited_on: '2024-05-08',
      })
      .execute();
    [shanghai, sysadmin] = await Promise.all([t.login('shgy_admin'), t.login('c_sysadmin')]);
  });
  afterAll(() => t.close());

  it('scores and ranks a high court’s courts from their referrals and their judges’ hours, with the 2024 weights', async () => {
    const res = await t.app.inject({ url: '/api/court/evaluation/scorecards?year=2024', headers: shanghai });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ level: 'court', version: { version: 1, weights: WEIGHTS } });
    // Only the Shanghai High Court's courts: 北京金融法院 is outside.
    expect(body.rows.map((r: { id: string }) => r.id).sort()).toEqual(['court-sh-hp', 'court-sh74']);
    const row = (id: string) => body.rows.find((r: { id: string }) => r.id === id);
    expect(row('court-sh74').measurements).toMatchObject({
      settled: 2,
      failed: 1,
      dockingReceived: 3,
      medianDaysToSettle: 15,
      trainingShare: 1,
      satisfactionAverage: null,
    });
    expect(row('court-sh-hp').measurements).toMatchObject({
      settled: 1,
      failed: 2,
      dockingReceived: 4,
      trainingShare: 0,
    });
    // sh74: success 66.7, speed 100×(1−15/30) = 50, docking 3/4 = 75, training 100; weights 40/20/30/10 over 100.
    expect(row('court-sh74').scores).toMatchObject({
      successRate: 66.7,
      speed: 50,
      dockingVolume: 75,
      trainingHours: 100,
      satisfaction: null,
    });
    expect(row('court-sh74').score).toBe(
      Math.round(((66.7 * 40 + 50 * 20 + 75 * 30 + 100 * 10) / 100) * 10) / 10,
    );
    // hp: success 33.3, speed 100×(1−4/30) = 86.7, docking 100, training 0.
    expect(row('court-sh-hp').score).toBe(
      Math.round(((33.3 * 40 + 86.7 * 20 + 100 * 30 + 0 * 10) / 100) * 10) / 10,
    );
    expect(body.rows[0].rank).toBe(1);
    expect(body.rows[0].score).toBeGreaterThanOrEqual(body.rows[1].score);
  });

  it('keeps court weights on the court platform, versioned, and refuses a mediation level there', async () => {
    const year = Number(new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/evaluation/versions', headers: sysadmin, payload });
    const mediator = await post({ level: 'mediator', effectiveYear: year, weights: WEIGHTS });
    expect(mediator.statusCode).toBe(400);
    expect(mediator.json().code).toBe('VALIDATION_FAILED');
    const bad = await post({ level: 'court', effectiveYear: year, weights: { ...WEIGHTS, speed: 25 } });
    expect(bad.json().code).toBe('EVALUATION_WEIGHTS_INVALID');
    const ok = await post({
      level: 'court',
      effectiveYear: year,
      weights: { ...WEIGHTS, speed: 10, trainingHours: 20 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const again = (
      await t.app.inject({ url: '/api/court/evaluation/scorecards?year=2024', headers: shanghai })
    ).json();
    expect(again.version.version).toBe(1);
    const judge = await t.login('sh74_judge');
    expect(
      (await t.app.inject({ url: '/api/court/evaluation/scorecards?year=2024', headers: judge })).statusCode,
    ).toBe(403);
  });
});
