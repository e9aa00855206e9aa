import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseClient,
  caseIn,
  type Headers,
  journeyActors,
  type JourneyActors,
} from '../support/case-fixtures.ts';
import { sendSurveyReminders } from '../../src/use-cases/mediation/evaluation/send-survey-reminders.ts';
import { seedStatisticsBook, statisticsBook } from '../support/statistics-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const ANSWERS = { heard: 5, clear: 4, fair: 5, respect: 5, overall: 4 };
const WEIGHTS_V1 = { successRate: 35, speed: 15, satisfaction: 30, dockingVolume: 10, trainingHours: 10 };

describe.each(ENGINES)('evaluation and incentives (%s)', (engine) => {
  let t: TestApp;
  let actors: JourneyActors;
  let sysadmin: Headers;
  let regulator: Headers;
  // The statistics book, with its ended mediations spread over three mediators at their workstations, so each has
  // both settlements and failures.
  const HOME = { mediator1: 'ws-10', mediator2: 'ws-23', mediator3: 'ws-01' } as const;
  const book = statisticsBook().map((c, i) => {
    if (!c.accepted || !(c.settled || c.failed)) return c;
    const mediator = (['mediator1', 'mediator2', 'mediator3'] as const)[i % 3] as keyof typeof HOME;
    return { ...c, mediatorUsername: mediator, organizationId: HOME[mediator] };
  });
  const api = () => caseClient(t);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedStatisticsBook(t.deps, book);
    actors = await journeyActors(t);
    [sysadmin, regulator] = await Promise.all([t.login('m_sysadmin'), t.login('regulator1')]);
    for (const u of await t.deps.db.selectFrom('users').select(['id', 'username']).execute())
      ids[u.username] = u.id;
  });
  afterAll(() => t.close());

  it('lets each party answer the procedural-fairness survey once, after mediation has ended', async () => {
    const open = await caseIn(t, actors, 'mediating');
    const early = await api().post(actors.investor, `/api/cases/${open.id}/survey`, { answers: ANSWERS });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SURVEY_NOT_OPEN');
    const failed = await api().fire(actors.mediator, open.id, 'fail', { reasonCode: 'amount-gap' });
    expect(failed.statusCode).toBe(200);
    const view = (await api().get(actors.investor, `/api/cases/${open.id}/survey`)).json();
    expect(view).toMatchObject({ open: true, side: 'investor', submitted: false });
    expect(view.questions.map((q: { key: string }) => q.key)).toEqual([
      'heard',
      'clear',
      'fair',
      'respect',
      'overall',
    ]);
    // "did you win" is not a question
    expect(JSON.stringify(view.questions)).not.toMatch(/赢|win/i);
    for (const bad of [
      { ...ANSWERS, overall: 6 },
      { ...ANSWERS, heard: 2.5 },
      { heard: 5 },
      { ...ANSWERS, won: 1 },
    ]) {
      const res = await api().post(actors.investor, `/api/cases/${open.id}/survey`, { answers: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('SURVEY_INVALID');
    }
    const answered = await api().post(actors.investor, `/api/cases/${open.id}/survey`, {
      answers: ANSWERS,
      comment: '调解员很耐心',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ open: false, submitted: true });
    const twice = await api().post(actors.investor, `/api/cases/${open.id}/survey`, { answers: ANSWERS });
    expect(twice.json().code).toBe('SURVEY_NOT_OPEN');
    const firm = await api().post(actors.firm, `/api/cases/${open.id}/survey`, {
      answers: { ...ANSWERS, fair: 3 },
    });
    expect(firm.statusCode).toBe(200);
    expect(firm.json().side).toBe('respondent');
    // The mediator is rated, not a rater.
    expect(
      (await api().post(actors.mediator, `/api/cases/${open.id}/survey`, { answers: ANSWERS })).statusCode,
    ).toBe(403);
    const rows = await t.deps.db
      .selectFrom('case_surveys')
      .selectAll()
      .where('case_id', '=', open.id)
      .execute();
    expect(rows.map((r) => [r.side, r.mean_x100, r.mediator_user_id]).sort()).toEqual([
      ['investor', 460, actors.mediatorId],
      ['respondent', 420, actors.mediatorId],
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', open.id)
      .where('action', '=', 'survey.submit')
      .execute();
    expect(audit).toHaveLength(2);
    // The audit trail says a response was given, not what it said.
    expect(JSON.stringify(audit)).not.toContain('耐心');
  });

  it('reminds each side once to answer the survey, three days after the mediation ended, unless it has answered', async () => {
    const [a, b, old] = [
      await caseIn(t, actors, 'mediating'),
      await caseIn(t, actors, 'mediating'),
      await caseIn(t, actors, 'mediating'),
    ];
    for (const c of [a, b, old])
      expect((await api().fire(actors.mediator, c.id, 'fail', { reasonCode: 'amount-gap' })).statusCode).toBe(
        200,
      );
    expect(
      (await api().post(actors.investor, `/api/cases/${b.id}/survey`, { answers: ANSWERS })).statusCode,
    ).toBe(200);
    const remindedUsers = async (caseId: string) =>
      (
        await t.deps.db
          .selectFrom('user_notices')
          .select('user_id')
          .where('case_id', '=', caseId)
          .where('kind', '=', 'survey.reminder')
          .execute()
      )
        .map((r) => r.user_id)
        .sort();
    await sql`update case_events set at = at - interval '31 days' where case_id = ${old.id}`.execute(
      t.deps.db,
    );
    const ended = t.clock.now;
    try {
      await sendSurveyReminders(t.deps);
      expect(await remindedUsers(a.id)).toEqual([]);
      t.clock.now = new Date(ended.getTime() + 3 * 86_400_000 + 60_000);
      expect(await sendSurveyReminders(t.deps)).toBeGreaterThanOrEqual(3);
      expect(await remindedUsers(a.id)).toEqual([ids.investor1, ids.firm_huaxin].sort());
      // The investor of b has answered: only the firm is asked.
      expect(await remindedUsers(b.id)).toEqual([ids.firm_huaxin]);
      expect(await sendSurveyReminders(t.deps)).toBe(0);
      expect(await remindedUsers(a.id)).toHaveLength(2);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select('details')
        .where('target_id', '=', a.id)
        .where('action', '=', 'survey.reminder')
        .execute();
      expect(audit).toHaveLength(2);
      // A mediation that ended more than 30 days ago is not asked about.
      expect(await remindedUsers(old.id)).toEqual([]);
    } finally {
      t.clock.now = ended;
    }
  });

  it('refuses weights that do not add up to 100 %, unknown indicators and versions for a past year', async () => {
    const year = Number(new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const url = '/api/evaluation/versions';
    for (const [body, code] of [
      [
        { level: 'mediator', effectiveYear: year, weights: { ...WEIGHTS_V1, speed: 5 } },
        'EVALUATION_WEIGHTS_INVALID',
      ],
      [
        { level: 'mediator', effectiveYear: year, weights: { ...WEIGHTS_V1, luck: 0 } },
        'EVALUATION_WEIGHTS_INVALID',
      ],
      [
        {
          level: 'mediator',
          effectiveYear: year,
          weights: { ...WEIGHTS_V1, speed: 14.5, successRate: 35.5 },
        },
        'EVALUATION_WEIGHTS_INVALID',
      ],
      [{ level: 'mediator', effectiveYear: year - 1, weights: WEIGHTS_V1 }, 'EVALUATION_VERSION_PAST'],
    ] as const) {
      const res = await api().post(sysadmin, url, body, 'en');
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe(code);
    }
    const sum = await api().post(sysadmin, url, {
      level: 'mediator',
      effectiveYear: year,
      weights: { ...WEIGHTS_V1, speed: 5 },
    });
    expect(sum.json().message).toContain('之和须为 100%（现为 90%）');
    expect(
      (await api().post(actors.admin, url, { level: 'mediator', effectiveYear: year, weights: WEIGHTS_V1 }))
        .statusCode,
    ).toBe(403);
  });

  it('scores and ranks mediators from the year’s figures, surveys and hours, and keeps a past year reproducible', async () => {
    // Five responses for mediator1's 2024 cases (enough to count), three for mediator2's (not enough).
    const cases = (who: string) => book.filter((c) => c.mediatorUsername === who && (c.settled || c.failed));
    const surveys = [
      ...cases('mediator1')
        .slice(0, 5)
        .map((c, i) => ({ c, mean: [500, 400, 300, 500, 400][i] as number, who: 'mediator1' })),
      ...cases('mediator2')
        .slice(0, 3)
        .map((c) => ({ c, mean: 100, who: 'mediator2' })),
    ];
    for (const { c, mean, who } of surveys)
      await t.deps.db
        .insertInto('case_surveys')
        .values({
          case_id: c.id,
          side: 'investor',
          user_id: ids.investor1 as string,
          mediator_user_id: ids[who] as string,
          organization_id: c.organizationId,
          answers: JSON.stringify({
            heard: mean / 100,
            clear: mean / 100,
            fair: mean / 100,
            respect: mean / 100,
            overall: mean / 100,
          }),
          mean_x100: mean,
          submitted_at: new Date('2024-12-20T10:00:00+08:00'),
        })
        .execute();
    const before = await api().get(regulator, '/api/evaluation/scorecards?level=mediator&year=2024');
    expect(before.statusCode).toBe(200);
    const body = before.json();
    expect(body.version).toMatchObject({ version: 1, weights: WEIGHTS_V1 });
    expect(body.definitions).toHaveLength(5);
    const row = (who: string) => body.rows.find((r: { id: string }) => r.id === ids[who]);
    for (const who of ['mediator1', 'mediator2']) {
      const inYear = (d: string | null) => d?.startsWith('2024') === true;
      const settled = book.filter((c) => c.mediatorUsername === who && inYear(c.settled)).length;
      const failed = book.filter((c) => c.mediatorUsername === who && inYear(c.failed)).length;
      expect(row(who).measurements).toMatchObject({ settled, failed });
      expect(row(who).scores.successRate).toBe(Math.round((settled / (settled + failed)) * 1000) / 10);
    }
    expect(row('mediator1').measurements).toMatchObject({ surveyResponses: 5, satisfactionAverage: 4.2 });
    expect(row('mediator1').scores.satisfaction).toBe(80);
    expect(row('mediator2').measurements).toMatchObject({ surveyResponses: 3, satisfactionAverage: null });
    expect(row('mediator2').scores.satisfaction).toBeNull();
    // The weighted score over what could be measured, with its coverage.
    for (const r of body.rows) {
      let weight = 0;
      let total = 0;
      for (const [k, w] of Object.entries(WEIGHTS_V1)) {
        const s = r.scores[k];
        if (s === null || w === 0) continue;
        weight += w;
        total += s * w;
      }
      expect(r.coverage).toBe(weight);
      expect(r.score).toBe(weight ? Math.round((total / weight) * 10) / 10 : null);
    }
    const ranked = body.rows.filter((r: { rank: number | null }) => r.rank !== null);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].score).toBeLessThanOrEqual(ranked[i - 1].score);
    expect(ranked[0].rank).toBe(1);

    // A new version for this year changes this year's scorecards, not 2024's.
    const year = Number(new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const weights = { successRate: 50, speed: 0, satisfaction: 50, dockingVolume: 0, trainingHours: 0 };
    const defined = await api().post(sysadmin, '/api/evaluation/versions', {
      level: 'mediator',
      effectiveYear: year,
      weights,
      note: '突出成功率与满意度',
    });
    expect(defined.statusCode).toBe(200);
    expect(defined.json().items[0]).toMatchObject({ version: 2, effectiveYear: year, weights });
    const after = (await api().get(regulator, '/api/evaluation/scorecards?level=mediator&year=2024')).json();
    expect(after.version.version).toBe(1);
    expect(after.rows).toEqual(body.rows);
    const now = (await api().get(regulator, `/api/evaluation/scorecards?level=mediator&year=${year}`)).json();
    expect(now.version.version).toBe(2);

    // An organization's administrator sees their own organization and its workstations only.
    const ws = await t.login('ws_sh_admin');
    const own = (await api().get(ws, '/api/evaluation/scorecards?level=organization&year=2024')).json();
    expect(own.rows.map((r: { id: string }) => r.id)).toEqual(['ws-10']);
    expect(
      (await api().get(actors.mediator, '/api/evaluation/scorecards?level=mediator&year=2024')).statusCode,
    ).toBe(403);
  });

  it('publishes each mediator’s mediations and settlements without sign-in, none under 10', async () => {
    const res = await t.app.inject({ url: '/api/public/mediators?year=2024' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(10);
    for (const who of ['mediator1', 'mediator2', 'mediator3']) {
      const item = body.items.find((i: { id: string }) => i.id === ids[who]);
      const inYear = (d: string | null) => d?.startsWith('2024') === true;
      const settled = book.filter((c) => c.mediatorUsername === who && inYear(c.settled)).length;
      const failed = book.filter((c) => c.mediatorUsername === who && inYear(c.failed)).length;
      expect(item.mediated).toBe(settled + failed >= 10 ? settled + failed : null);
      expect(item.settled).toBe(settled + failed >= 10 && settled >= 10 && failed >= 10 ? settled : null);
    }
    // The book gives some mediators enough mediations to publish, and none enough settlements.
    expect(body.items.some((i: { mediated: number | null }) => i.mediated !== null)).toBe(true);
    for (const item of body.items) {
      if (item.mediated !== null) expect(item.mediated).toBeGreaterThanOrEqual(10);
      if (item.settled !== null) expect(item.settled).toBeGreaterThanOrEqual(10);
    }
  });
});
