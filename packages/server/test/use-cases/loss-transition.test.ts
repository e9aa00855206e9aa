import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext, SignedInContext } from '../../src/deps.ts';
import { AppError } from '@sutiao/domain/errors.ts';
import { createAssessment } from '../../src/use-cases/mediation/loss/create-assessment.ts';
import { loadAssessment } from '../../src/use-cases/mediation/loss/loss-access.ts';
import {
  applyLossTransition,
  type LossTransition,
} from '../../src/use-cases/mediation/loss/loss-transition.ts';
import { updateParameters } from '../../src/use-cases/mediation/loss/update-parameters.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { auditRecordsOf, guardFailure, refusalOf, signedInAs } from './transition-test-helpers.ts';

/** Lifecycle E through the transition kernel: its refusals keep their codes, every move is audited. */
describe.each(ENGINES)('lifecycle E through the transition kernel on %s', (engine) => {
  let p: TestPlatform;
  let analyst: SignedInContext;
  const system: RequestContext = { actor: null, requestId: 'test-run', actorRole: 'system' };

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    analyst = await signedInAs(p.deps.db, 'analyst1');
  });
  afterAll(async () => p?.close());

  const draft = async () =>
    (
      await createAssessment(p.deps, analyst, {
        caseNumber: '(2026)沪74民初45号',
        courtOrgId: 'court-sh74',
        entrustedOn: '2026-01-05',
      })
    ).id;
  const fireOn = (id: string, ctx: RequestContext, t: LossTransition) =>
    p.deps.db.transaction().execute(async (trx) => {
      const row = await loadAssessment(trx, id, { forUpdate: true });
      return applyLossTransition(trx, ctx, row, t, p.deps.now());
    });
  const snapshot = async (id: string) => ({
    row: await p.deps.db
      .selectFrom('loss_assessments')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    audit: await auditRecordsOf(p.deps.db, id),
  });

  it('walks draft → data_ready → calculating → calculated, auditing each move with its actor', async () => {
    const id = await draft();
    expect(
      await fireOn(id, analyst, { event: 'upload_file', inputsComplete: false, audit: { kind: 'x' } }),
    ).toBe('draft');
    expect(await fireOn(id, analyst, { event: 'upload_file', inputsComplete: true })).toBe('data_ready');
    expect(
      await fireOn(id, analyst, { event: 'run', inputsComplete: true, changes: { progress_total: 9 } }),
    ).toBe('calculating');
    expect(await fireOn(id, system, { event: 'finish', inputsComplete: true })).toBe('calculated');
    const { row, audit } = await snapshot(id);
    expect(row).toEqual({ status: 'calculated', version: 5 });
    expect(audit.slice(1)).toEqual([
      {
        action: 'loss.assessment.upload_file',
        actor_user_id: analyst.actor.userId,
        details: { from: 'draft', to: 'draft', kind: 'x' },
      },
      {
        action: 'loss.assessment.upload_file',
        actor_user_id: analyst.actor.userId,
        details: { from: 'draft', to: 'data_ready' },
      },
      {
        action: 'loss.assessment.run',
        actor_user_id: analyst.actor.userId,
        details: { from: 'data_ready', to: 'calculating' },
      },
      {
        action: 'loss.assessment.finish',
        actor_user_id: null,
        details: { from: 'calculating', to: 'calculated' },
      },
    ]);
  });

  it('refuses with the same codes as before, writing nothing', async () => {
    const id = await draft();
    const created = await snapshot(id);
    const illegal = await refusalOf(fireOn(id, analyst, { event: 'run', inputsComplete: true }));
    expect(illegal).toMatchObject({
      code: 'CASE_ILLEGAL_EVENT',
      messageZh: '案件当前状态（draft）不允许执行“run”。',
    });
    expect(await snapshot(id)).toEqual(created);

    await fireOn(id, analyst, { event: 'upload_file', inputsComplete: true });
    const ready = await snapshot(id);
    const guard = await refusalOf(fireOn(id, analyst, { event: 'run', inputsComplete: false }));
    expect(guard).toMatchObject(
      guardFailure(
        'inputs-complete',
        '参数、交易数据和投资者名单须齐全有效',
        'parameters, trades and the investor list must be complete and valid',
      ),
    );
    expect(await snapshot(id)).toEqual(ready);

    await fireOn(id, analyst, { event: 'run', inputsComplete: true });
    const running = await snapshot(id);
    // Only the background run reports its outcome.
    const forbidden = await refusalOf(fireOn(id, analyst, { event: 'finish', inputsComplete: true }));
    expect(forbidden?.code).toBe('FORBIDDEN');
    expect(await snapshot(id)).toEqual(running);
  });

  it('answers CASE_STATE_CONFLICT for parameters saved over a version the client did not read', async () => {
    const id = await draft();
    const before = await snapshot(id);
    const stale = await refusalOf(
      updateParameters(p.deps, analyst, { id, expectedVersion: before.row.version + 1, params: {} }),
    );
    expect(stale).toBeInstanceOf(AppError);
    expect(stale?.code).toBe('CASE_STATE_CONFLICT');
    expect(await snapshot(id)).toEqual(before);
    await updateParameters(p.deps, analyst, { id, expectedVersion: before.row.version, params: { a: 1 } });
    expect((await snapshot(id)).audit.at(-1)?.details).toEqual({
      from: 'draft',
      to: 'draft',
      params: { a: 1 },
    });
  });
});
