import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';
import { caseClient, type Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const seqOf = (caseNumber: string) => Number(/第(\d+)号/.exec(caseNumber)?.[1]);

// Submissions append their audit records without a lock and number the case at the very end of the transaction
// (issue 6): concurrent submissions must still get consecutive case numbers, and every record lands in the log once.
describe.each(ENGINES)('concurrent submissions on %s', (engine) => {
  let t: TestApp;
  let investors: Headers[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    investors = await Promise.all(['investor1', 'investor2', 'investor3'].map((u) => t.login(u)));
  });
  afterAll(async () => t?.close());

  it('numbers 24 parallel submissions gaplessly and logs each of their audit records once, in order', async () => {
    const api = caseClient(t);
    const before = await t.deps.db
      .selectFrom('case_number_sequences')
      .select('last')
      .where('organization_id', '=', 'org-center')
      .executeTakeFirst();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        api.apply(investors[i % investors.length]!, { claimAmountFen: 1000 + i, submit: i % 6 !== 0 }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const submitted = answers.map((a) => a.json()).filter((c) => c.status === 'submitted');
    expect(submitted).toHaveLength(20);
    const seqs = submitted.map((c) => seqOf(c.caseNumber)).sort((a, b) => a - b);
    const first = (before?.last ?? 0) + 1;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => first + i));

    await integrateAuditLog(t.deps);
    const verdict = await verifyAuditLog(t.deps.db, t.deps.keys.signer);
    expect(verdict).toMatchObject({ ok: true, pending: 0 });
    for (const c of submitted) {
      const records = await t.deps.db
        .selectFrom('audit_log')
        .select(['seq', 'action'])
        .where('target_id', '=', c.id)
        .orderBy('seq')
        .execute();
      expect(records.map((r) => r.action)).toEqual(['case.create', 'case.submit']);
      // Numbers are no longer consecutive within a submission (no lock): only in order.
      expect(records[1]!.seq).toBeGreaterThan(records[0]!.seq);
    }
    const timeline = (await api.get(investors[1]!, `/api/cases/${submitted[0]!.id}`)).json().timeline;
    expect(timeline.map((e: { event: string }) => e.event)).toEqual(['create', 'submit']);
  });

  it('consumes no number for a refused application', async () => {
    const api = caseClient(t);
    const bad = await api.apply(investors[0]!, { respondentOrgId: 'org-center' });
    expect(bad.statusCode).toBe(400);
    const next = await api.apply(investors[0]!);
    const last = await t.deps.db
      .selectFrom('case_number_sequences')
      .select('last')
      .where('organization_id', '=', 'org-center')
      .executeTakeFirstOrThrow();
    expect(seqOf(next.json().caseNumber)).toBe(last.last);
  });
});
