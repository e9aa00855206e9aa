import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  resumeInterruptedRuns,
  waitForRunningAssessments,
} from '../../src/use-cases/mediation/loss/resume-interrupted-runs.ts';
import { multipart } from '../support/case-fixtures.ts';
import { INVESTORS_CSV, LOSS_PARAMS, marketCsv, TRADES_CSV } from '../support/loss-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('a loss run interrupted by a dead process on %s', (engine) => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    const analyst = await t.login('analyst1');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/loss-assessments',
      headers: analyst,
      payload: { caseNumber: '(2026)沪74民初46号', courtOrgId: 'court-sh74', entrustedOn: '2026-03-02' },
    });
    id = created.json().id;
    await t.app.inject({
      method: 'PUT',
      url: `/api/loss-assessments/${id}/params`,
      headers: analyst,
      payload: { expectedVersion: created.json().version, params: LOSS_PARAMS },
    });
    for (const [kind, content] of [
      ['trades', TRADES_CSV],
      ['market', marketCsv()],
      ['investors', INVESTORS_CSV],
    ] as const) {
      const { payload, contentType } = multipart(`${kind}.csv`, Buffer.from(content), 'text/csv');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/loss-assessments/${id}/files/${kind}`,
        headers: { ...analyst, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await waitForRunningAssessments();
    await t?.close();
  });

  it('leaves a run with a live lease alone, and resumes one whose lease lapsed, exactly once', async () => {
    // The state a crash leaves: calculating, half the results written, the lease about to lapse.
    const now = t.deps.now();
    const trades = await t.deps.db
      .selectFrom('loss_assessment_files')
      .select('rows')
      .where('assessment_id', '=', id)
      .where('kind', '=', 'trades')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('loss_assessments')
      .set({
        status: 'calculating',
        progress_done: 7,
        progress_total: trades.rows,
        run_lease_until: new Date(now.getTime() + 60_000),
      })
      .where('id', '=', id)
      .execute();
    expect(await resumeInterruptedRuns(t.deps)).toEqual([]);

    t.clock.advance(3 * 60_000);
    const [first, second] = await Promise.all([resumeInterruptedRuns(t.deps), resumeInterruptedRuns(t.deps)]);
    expect([...first!, ...second!]).toEqual([id]);
    await waitForRunningAssessments();

    const row = await t.deps.db
      .selectFrom('loss_assessments')
      .select(['status', 'progress_done', 'progress_total'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('calculated');
    expect(row.progress_total).toBe(15);
    expect(row.progress_done).toBe(15);
    const results = await t.deps.db
      .selectFrom('loss_results')
      .select('investor_id')
      .where('assessment_id', '=', id)
      .execute();
    expect(results.map((r) => r.investor_id).sort()).toEqual(['A001', 'A002', 'A003', 'A004']);
  });
});
