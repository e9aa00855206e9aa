import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/adapters/audit/verify-audit-chain.ts';
import { caseClient, type Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const seqOf = (caseNumber: string) => Number(/第(\d+)号/.exec(caseNumber)?.[1]);

// Submissions release their locks before the WAL flush and write their audit records at the end of the
// transaction (issue 2): concurrent submissions must still get consecutive numbers and one linear audit chain.
describe.each(ENGINES)('concurrent submissions on %s', (engine) => {
  let t: TestApp;
  let investors: Headers[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    investors = await Promise.all(['investor1', 'investor2', 'investor3'].map((u) => t.login(u)));
  });
  afterAll(async () => t?.close());

  it('numbers 24 parallel submissions gaplessly and chains their audit records in order', async () => {
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

    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    for (const c of submitted) {
      const records = await t.deps.db
        .selectFrom('audit_log')
        .select(['seq', 'action'])
        .where('target_id', '=', c.id)
        .orderBy('seq')
        .execute();
      expect(records.map((r) => r.action)).toEqual(['case.create', 'case.submit']);
      expect(records[1]!.seq).toBe(records[0]!.seq + 1);
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
