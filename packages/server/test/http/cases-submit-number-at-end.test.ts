import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import type { LoadedCase } from '../../src/use-cases/mediation/cases/load-case.ts';
import {
  numberCaseAtEnd,
  PENDING_CASE_NUMBER,
} from '../../src/use-cases/mediation/cases/number-case-at-end.ts';
import { caseClient, type Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

// The case number is allocated at the very end of the submitting transaction (issue 2); everything that quotes it
// (inbox notices, audit details) must still quote the real number, and the answer must be the case as read back.
describe.each(ENGINES)('a submission numbered at the end on %s', (engine) => {
  let t: TestApp;
  let investor: Headers;

  beforeAll(async () => {
    t = await createTestApp(engine);
    investor = await t.login('investor1');
  });
  afterAll(async () => t?.close());

  it('quotes the allocated number in every notice and the audit record, and answers the case as stored', async () => {
    const api = caseClient(t);
    const answer = await api.apply(investor);
    expect(answer.statusCode).toBe(200);
    const created = answer.json();
    expect(created.caseNumber).toMatch(/^\(\d{4}\).+字第\d{6}号$/);

    const inbox = await t.deps.db
      .selectFrom('user_notices')
      .select(['title', 'body'])
      .where('case_id', '=', created.id)
      .execute();
    expect(inbox.length).toBeGreaterThan(0);
    for (const item of inbox) {
      expect(item.title).toContain(created.caseNumber);
      expect(`${item.title}${item.body}`).not.toContain(PENDING_CASE_NUMBER);
    }
    const submitRecord = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('target_id', '=', created.id)
      .where('action', '=', 'case.submit')
      .executeTakeFirstOrThrow();
    const details =
      typeof submitRecord.details === 'string' ? JSON.parse(submitRecord.details) : submitRecord.details;
    expect(details.caseNumber).toBe(created.caseNumber);
    expect((await verifyAuditLog(t.deps.db, t.deps.keys.signer)).ok).toBe(true);

    // The answer was presented from what was written; reading the case back gives the same.
    const readBack = (await api.get(investor, `/api/cases/${created.id}`)).json();
    expect(created).toEqual(readBack);
  });

  it("numbers a workstation's case under its center, and refuses an organization without a prefix", async () => {
    const year = 2031;
    const numbered = await t.deps.db.transaction().execute(async (trx) => {
      const station = await trx
        .selectFrom('organizations')
        .select('id')
        .where('kind', '=', 'workstation')
        .where('code', 'is', null)
        .executeTakeFirstOrThrow();
      const c = {
        id: 'no-such-case',
        organization_id: station.id,
        case_number: null,
      } as unknown as LoadedCase;
      const details: Record<string, unknown> = {};
      await numberCaseAtEnd(trx, c, `${year}-03-01`, { messages: [], emails: [] }, details);
      return details.caseNumber;
    });
    expect(numbered).toMatch(new RegExp(`^\\(${year}\\)中证调字第000001号$`));
    await t.deps.db
      .insertInto('organizations')
      .values({ id: 'org-no-prefix', kind: 'firm', name: '无代字' })
      .execute();
    const refused = t.deps.db
      .transaction()
      .execute((trx) =>
        numberCaseAtEnd(
          trx,
          { id: 'x', organization_id: 'org-no-prefix' } as unknown as LoadedCase,
          `${year}-03-01`,
          { messages: [], emails: [] },
          {},
        ),
      );
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
