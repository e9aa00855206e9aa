import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import type { SignedInContext } from '../../src/deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import { AppError } from '@sutiao/domain/errors.ts';
import {
  applyCaseTransition,
  applyCaseTransitionInTrx,
} from '../../src/use-cases/mediation/cases/case-transition.ts';
import { listCases } from '../../src/use-cases/mediation/cases/list-cases.ts';
import { submitApplication } from '../../src/use-cases/mediation/cases/submit-application.ts';
import { applicationBody } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { auditRecordsOf, guardFailure, refusalOf, signedInAs } from './transition-test-helpers.ts';

describe.each(ENGINES)('lifecycle A through the transition kernel on %s', (engine) => {
  let p: TestPlatform;
  const ctx: Record<string, SignedInContext> = {};

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    for (const username of ['investor1', 'center_admin', 'regulator1', 'firm_huaxin']) {
      ctx[username] = await signedInAs(p.deps.db, username);
    }
  });
  afterAll(async () => p?.close());

  const submitted = () => submitApplication(p.deps, ctx.investor1!, applicationBody());
  const snapshot = async (caseId: string) => ({
    row: await p.deps.db
      .selectFrom('cases')
      .select(['status', 'version'])
      .where('id', '=', caseId)
      .executeTakeFirst(),
    events: (await p.deps.db.selectFrom('case_events').select('id').where('case_id', '=', caseId).execute())
      .length,
    audits: (await auditRecordsOf(p.deps.db, caseId)).length,
    inbox: (await p.deps.db.selectFrom('user_notices').select('id').where('case_id', '=', caseId).execute())
      .length,
  });

  it('writes state, timeline, audit, notices and deadline together', async () => {
    const c = await submitted();
    const sent = p.notifications.sent.length;
    const registered = await applyCaseTransition(p.deps, ctx.center_admin!, {
      caseId: c.id,
      event: 'register',
      expectedVersion: c.version,
    });
    expect(registered).toMatchObject({ status: 'registered', version: c.version + 1 });
    expect(registered.nextDeadline).toEqual({
      kind: 'consultation',
      dueDate: prcWorkingDays.addWorkingDays(todayInShanghai(p.clock.now), 2),
    });
    const audit = await p.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', c.id)
      .where('action', '=', 'case.register')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: ctx.center_admin!.actor.userId, outcome: 'success' });
    expect(audit.details).toMatchObject({ from: 'submitted', to: 'registered' });
    const notices = await p.deps.db
      .selectFrom('user_notices')
      .selectAll()
      .where('case_id', '=', c.id)
      .execute();
    expect(notices.some((n) => n.user_id === ctx.investor1!.actor.userId)).toBe(true);
    // The applicant's e-mail goes out after commit.
    expect(p.notifications.sent.length).toBeGreaterThan(sent);
    expect(p.notifications.sent.at(-1)?.to).toBe('investor1@example.cn');
  });

  it('rolls everything back when a later write in the transaction fails', async () => {
    const c = await submitted();
    const before = await snapshot(c.id);
    await expect(
      p.deps.db.transaction().execute((trx) =>
        applyCaseTransitionInTrx(p.deps, ctx.center_admin!, trx, {
          caseId: c.id,
          event: 'register',
          expectedVersion: c.version,
          afterUpdate: async () => {
            throw new Error('disk full');
          },
        }),
      ),
    ).rejects.toThrow('disk full');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('gives back the case number when a submission rolls back (gapless)', async () => {
    const last = async () =>
      (
        await p.deps.db
          .selectFrom('case_number_sequences')
          .select('last')
          .where('organization_id', '=', 'org-center')
          .executeTakeFirstOrThrow()
      ).last;
    const draft = await submitApplication(p.deps, ctx.investor1!, {
      ...applicationBody(),
      submit: false,
    });
    const before = await last();
    await expect(
      p.deps.db.transaction().execute((trx) =>
        applyCaseTransitionInTrx(p.deps, ctx.investor1!, trx, {
          caseId: draft.id,
          event: 'submit',
          expectedVersion: draft.version,
          changes: async (t) => {
            await t
              .updateTable('case_number_sequences')
              .set({ last: before + 1 })
              .execute();
            return {};
          },
          afterUpdate: async () => {
            throw new Error('crash after numbering');
          },
        }),
      ),
    ).rejects.toThrow();
    expect(await last()).toBe(before);
  });

  it('lets exactly one of two concurrent transitions from the same version win', async () => {
    const c = await submitted();
    const attempts = await Promise.allSettled(
      ['register', 'request-supplement'].map((event) =>
        applyCaseTransition(p.deps, ctx.center_admin!, {
          caseId: c.id,
          event: event as 'register',
          expectedVersion: c.version,
          input: { note: '请补正' },
        }),
      ),
    );
    expect(attempts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = attempts.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failure.reason as AppError).code).toBe('CASE_STATE_CONFLICT');
  });

  it('names the state and event in both languages for an illegal event', async () => {
    const c = await submitted();
    const error = await refusalOf(
      applyCaseTransition(p.deps, ctx.center_admin!, {
        caseId: c.id,
        event: 'accept',
        expectedVersion: c.version,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'CASE_ILLEGAL_EVENT',
      messageZh: '案件当前状态（已提交）不允许执行“受理”。',
      messageEn: 'Action "Accept" is not allowed while the case is Submitted.',
    });
  });

  it('refuses an actor without the permission (FORBIDDEN) and names a failed guard, writing nothing', async () => {
    const c = await submitted();
    const before = await snapshot(c.id);
    const register = { caseId: c.id, event: 'register' as const, expectedVersion: c.version };
    expect((await refusalOf(applyCaseTransition(p.deps, ctx.investor1!, register)))?.code).toBe('FORBIDDEN');
    const guard = await refusalOf(
      applyCaseTransition(p.deps, ctx.center_admin!, { ...register, event: 'request-supplement' }),
    );
    expect(guard).toMatchObject(
      guardFailure('note-given', '请说明需补正的内容', 'say what must be supplemented'),
    );
    const stale = await refusalOf(
      applyCaseTransition(p.deps, ctx.center_admin!, { ...register, expectedVersion: 0 }),
    );
    expect(stale?.code).toBe('CASE_STATE_CONFLICT');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('scopes lists: the regulator sees all submitted cases, the firm only its own, no one sees drafts', async () => {
    const all = await listCases(p.deps, ctx.regulator1!, { pageSize: 100 });
    expect(all.items.every((c) => c.status !== 'draft')).toBe(true);
    const firm = await listCases(p.deps, ctx.firm_huaxin!, { pageSize: 100 });
    expect(firm.items.every((c) => c.respondentName === '华信证券股份有限公司')).toBe(true);
    expect(firm.total).toBeLessThan(all.total);
    expect((await auditVerdictAfterIntegration(p.deps)).ok).toBe(true);
  });
});
