import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { ENGINES } from '../support/test-databases.ts';
import {
  type CaseState,
  fireEvent,
  fireOk,
  type Headers,
  type MediatingCase,
  seedCaseInMediation,
} from '../support/seed-case-in-mediation.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const TERMS = { amountFen: 1_000_000, paymentTerms: '银行转账', dueDate: '2027-03-31' };

describe.each(ENGINES)('agreement rules on %s', (engine) => {
  let t: TestApp;
  let m: MediatingCase;
  let c: CaseState;
  let stranger: Headers;
  beforeAll(async () => {
    t = await createTestApp(engine);
    m = await seedCaseInMediation(t);
    stranger = await t.login('investor2');
    c = await fireOk(t, m.mediator, m.case, 'draft-agreement', TERMS);
  });
  afterAll(async () => t?.close());

  const signatureCount = async () =>
    (await t.deps.db.selectFrom('agreement_signatures').select('party').execute()).length;
  const version = async () =>
    (await t.deps.db.selectFrom('cases').select('version').where('id', '=', c.id).executeTakeFirstOrThrow())
      .version;

  it('a non-participant investor gets 404 from every agreement endpoint and for the PDF', async () => {
    for (const [event, body] of [
      ['draft-agreement', TERMS],
      ['sign-agreement', { password: DEMO_PASSWORD }],
      ['seal-agreement', { password: DEMO_PASSWORD }],
      ['record-payment', { amountFen: 1, paidAt: '2026-01-01' }],
    ] as const) {
      const res = await fireEvent(t, stranger, c.id, event, { ...body, expectedVersion: c.version });
      expect(res.statusCode, event).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const pdf = await t.app.inject({ url: `/api/cases/${c.id}/agreement.pdf`, headers: stranger });
    expect(pdf.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/cases/${c.id}`, headers: stranger })).statusCode).toBe(404);
  });

  it('the PDF does not exist before sealing', async () => {
    const res = await t.app.inject({ url: `/api/cases/${c.id}/agreement.pdf`, headers: m.investor });
    expect(res.statusCode).toBe(404);
  });

  it('a wrong password on signing is 401 PASSWORD_INCORRECT, writes nothing but the audited failure', async () => {
    const before = await version();
    const res = await fireEvent(t, m.investor, c.id, 'sign-agreement', {
      password: 'not-my-password',
      expectedVersion: c.version,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('PASSWORD_INCORRECT');
    expect(await signatureCount()).toBe(0);
    expect(await version()).toBe(before);
    expect(await t.deps.db.selectFrom('user_signing_keys').select('user_id').execute()).toHaveLength(0);
    const failure = await t.deps.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'auth.confirm-password:sign-agreement')
      .executeTakeFirstOrThrow();
    expect(failure.outcome).toBe('failure');
    // It counts towards the sign-in lockout, so a stolen session can't be used to guess the password.
    const counter = await t.deps.db
      .selectFrom('login_failures')
      .select('consecutive')
      .where('username', '=', 'investor1')
      .executeTakeFirstOrThrow();
    expect(counter.consecutive).toBe(1);
  });

  it('the mediator cannot seal, and the organization cannot seal before all three signed (422 GUARD_FAILED)', async () => {
    const byMediator = await fireEvent(t, m.mediator, c.id, 'seal-agreement', {
      password: DEMO_PASSWORD,
      expectedVersion: c.version,
    });
    expect(byMediator.statusCode).toBe(403);
    c = await fireOk(t, m.investor, c, 'sign-agreement', { password: DEMO_PASSWORD });
    const early = await fireEvent(t, m.admin, c.id, 'seal-agreement', {
      password: DEMO_PASSWORD,
      expectedVersion: c.version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('GUARD_FAILED');
  });

  it('signing twice is refused (422) and a redraft after a signature too', async () => {
    const again = await fireEvent(t, m.investor, c.id, 'sign-agreement', {
      password: DEMO_PASSWORD,
      expectedVersion: c.version,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('GUARD_FAILED');
    expect(await signatureCount()).toBe(1);
    const redraft = await fireEvent(t, m.mediator, c.id, 'draft-agreement', {
      ...TERMS,
      expectedVersion: c.version,
    });
    expect(redraft.statusCode).toBe(422);
  });

  it('a stale expectedVersion is 409 CASE_STATE_CONFLICT', async () => {
    const stale = await fireEvent(t, m.respondent, c.id, 'sign-agreement', {
      password: DEMO_PASSWORD,
      expectedVersion: c.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CASE_STATE_CONFLICT');
  });

  it('a wrong password on sealing is 401 and leaves the agreement unsealed', async () => {
    c = await fireOk(t, m.respondent, c, 'sign-agreement', { password: DEMO_PASSWORD });
    c = await fireOk(t, m.mediator, c, 'sign-agreement', { password: DEMO_PASSWORD });
    const res = await fireEvent(t, m.admin, c.id, 'seal-agreement', {
      password: 'wrong-pass-1',
      expectedVersion: c.version,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('PASSWORD_INCORRECT');
    const row = await t.deps.db
      .selectFrom('agreements')
      .select(['status', 'verification_code'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'signing', verification_code: null });
    expect(await version()).toBe(c.version);
  });

  it('tampering with the stored agreement text makes public verification report invalid', async () => {
    c = await fireOk(t, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
    const { verificationCode } = (c as CaseState & { agreement: { verificationCode: string } }).agreement;
    expect((await t.app.inject({ url: `/api/verify/${verificationCode}` })).json().valid).toBe(true);
    // Someone with database access rewrites the obligation after the parties signed.
    await t.deps.db
      .updateTable('agreements')
      .set((eb) => ({ text: eb.fn('replace', [eb.ref('text'), eb.val('¥10,000.00'), eb.val('¥100.00')]) }))
      .where('case_id', '=', c.id)
      .execute();
    const tampered = await t.deps.db
      .selectFrom('agreements')
      .select('text')
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(tampered.text).toContain('¥100.00');
    const res = await t.app.inject({ url: `/api/verify/${verificationCode}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    expect(body.seal.valid).toBe(false);
    expect(body.signatures.every((s: { valid: boolean }) => !s.valid)).toBe(true);
  });

  it('the audit chain still verifies (the tampering touched the agreement, not the audit log)', async () => {
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });
});
