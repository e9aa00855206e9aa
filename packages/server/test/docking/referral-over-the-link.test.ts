import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceipt } from '@sutiao/domain/docking/protocol.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { dockingCrypto } from '../../src/adapters/docking/docking-crypto.ts';
import { registeredPeers } from '../../src/use-cases/docking/peer-directory.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { courtSends, delegationBody, newCaseRef } from '../support/referral-fixtures.ts';
import { TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

describe.each(ENGINES)('a court referral crosses the link on %s', (engine) => {
  let link: LinkedPlatforms;
  let admin: { cookie: string; 'x-csrf-token': string };

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    admin = await link.mediation.login('ws_sh_admin');
  });
  afterAll(async () => link?.close());

  const mediationCase = (caseRef: string) =>
    link.mediation.deps.db.selectFrom('cases').selectAll().where('court_case_ref', '=', caseRef).execute();

  it('a delegation arrives in the organization queue, numbered, matched and awaiting receipt', async () => {
    const caseRef = newCaseRef();
    await courtSends(link, 'case.delegate', caseRef, delegationBody());
    expect(await link.deliverAll()).toBeGreaterThan(0);

    const [c] = await mediationCase(caseRef);
    expect(c).toMatchObject({
      status: 'awaiting_receipt',
      source: 'delegated',
      organization_id: 'ws-10',
      respondent_org_id: 'firm-huaxin',
      court_name: '上海金融法院',
      court_case_number: '(2026)沪74民诉前调12号',
      court_deadline_date: '2099-12-31',
      next_deadline_kind: 'court-period',
    });
    expect(c!.case_number).toMatch(/^\(\d{4}\)中证调字第\d{6}号$/);
    // investor1 registered with this ID number: matched by its blind index.
    const investor = await link.mediation.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'investor1')
      .executeTakeFirstOrThrow();
    expect(c!.applicant_user_id).toBe(investor.id);
    const parties = await link.mediation.deps.db
      .selectFrom('case_court_parties')
      .selectAll()
      .where('case_id', '=', c!.id)
      .execute();
    expect(parties).toHaveLength(2);
    expect(parties.map((p) => p.id_number_enc).join()).not.toContain('31010119800101123X');
    expect(link.mediation.notifications.sent.some((n) => n.channel === 'sms' && n.to === '13812345678')).toBe(
      true,
    );

    // The court holds the mediation platform's signed receipt for its message.
    const [sent] = await link.court.deps.db
      .selectFrom('docking_outbox')
      .selectAll()
      .where('case_ref', '=', caseRef)
      .execute();
    expect(sent!.status).toBe('delivered');
    const receipt = sent!.receipt as SignedReceipt;
    expect(receipt.receipt.outcome).toBe('accepted');
    const mediationPeer = (await registeredPeers(link.court.deps.db)).get(TEST_PLATFORM_IDS.mediation)!;
    expect(verifyReceipt(receipt, mediationPeer, dockingCrypto)).toBe(true);
    expect(
      verifyReceipt(
        { ...receipt, receipt: { ...receipt.receipt, outcome: 'rejected' } },
        mediationPeer,
        dockingCrypto,
      ),
    ).toBe(false);
  });

  it('an answer lost after the effect is retried and acts once (inbox dedupe)', async () => {
    const caseRef = newCaseRef();
    link.faults.court.loseAnswers = 1;
    await courtSends(link, 'case.delegate', caseRef, delegationBody());
    await link.deliverAll();
    const [pending] = await link.court.deps.db
      .selectFrom('docking_outbox')
      .selectAll()
      .where('case_ref', '=', caseRef)
      .execute();
    expect(pending!.status).toBe('pending');
    expect(await mediationCase(caseRef)).toHaveLength(1);

    link.advance(60_000);
    await link.deliverAll();
    const [delivered] = await link.court.deps.db
      .selectFrom('docking_outbox')
      .selectAll()
      .where('case_ref', '=', caseRef)
      .execute();
    expect(delivered!.status).toBe('delivered');
    expect((delivered!.receipt as SignedReceipt).receipt.outcome).toBe('duplicate');
    expect(await mediationCase(caseRef)).toHaveLength(1);
  });

  it('a delegation to an unknown organization is rejected with a code, stored, and not retried', async () => {
    const caseRef = newCaseRef();
    await courtSends(link, 'case.delegate', caseRef, delegationBody({ organizationId: 'no-such-org' }));
    await link.deliverAll();
    const [sent] = await link.court.deps.db
      .selectFrom('docking_outbox')
      .selectAll()
      .where('case_ref', '=', caseRef)
      .execute();
    expect(sent!.status).toBe('rejected');
    expect((sent!.receipt as SignedReceipt).receipt.code).toBe('UNKNOWN_ORGANIZATION');
    const stored = await link.mediation.deps.db
      .selectFrom('docking_inbox')
      .select(['status', 'code'])
      .where('case_ref', '=', caseRef)
      .execute();
    expect(stored).toEqual([{ status: 'rejected', code: 'UNKNOWN_ORGANIZATION' }]);
    expect(await mediationCase(caseRef)).toHaveLength(0);
  });

  it('the organization signs for receipt and the court gets case.receipt back; a withdrawal then ends it', async () => {
    const caseRef = newCaseRef();
    await courtSends(link, 'case.delegate', caseRef, delegationBody());
    await link.deliverAll();
    const [c] = await mediationCase(caseRef);
    const signed = await link.mediation.app.inject({
      method: 'POST',
      url: `/api/cases/${c!.id}/sign-for-receipt`,
      headers: admin,
      payload: { expectedVersion: c!.version },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe('accepted');
    await link.deliverAll();
    const back = await link.court.deps.db
      .selectFrom('docking_inbox')
      .select(['type', 'sequence', 'envelope'])
      .where('case_ref', '=', caseRef)
      .execute();
    expect(back.map((m) => [m.type, m.sequence])).toEqual([['case.receipt', 1]]);
    expect(back[0]!.envelope.body).toMatchObject({ organizationCaseNumber: c!.case_number });

    await courtSends(link, 'case.withdrawal', caseRef, {
      withdrawnAt: new Date().toISOString(),
      reason: '当事人已自行和解，法院撤回委派',
    });
    await link.deliverAll();
    const [after] = await mediationCase(caseRef);
    expect(after!.status).toBe('withdrawn');
    expect(after!.closing_reason).toBe('当事人已自行和解，法院撤回委派');
    // The court's own withdrawal is not echoed back as a closing report.
    const outgoing = await link.mediation.deps.db
      .selectFrom('docking_outbox')
      .select('type')
      .where('case_ref', '=', caseRef)
      .execute();
    expect(outgoing.map((m) => m.type)).toEqual(['case.receipt']);
  });

  it('a plaintiff without an account is matched when they register with that ID number, and sees the case', async () => {
    const caseRef = newCaseRef();
    const idNumber = `33010619900101${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const body = delegationBody();
    body.parties[0] = { ...body.parties[0]!, name: '钱多多', idNumber };
    await courtSends(link, 'case.delegate', caseRef, body);
    await link.deliverAll();
    const [before] = await mediationCase(caseRef);
    expect(before!.applicant_user_id).toBeNull();
    expect(before!.applicant_name).toBe('钱多多');

    const registered = await link.mediation.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        username: `qian${idNumber.slice(-4)}`,
        password: 'Qian#2026-strong',
        displayName: '钱多多',
        idNumber,
        phone: '13700000000',
        consentVersion: '2026-01',
      },
    });
    expect(registered.statusCode).toBe(200);
    const [after] = await mediationCase(caseRef);
    const user = await link.mediation.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', `qian${idNumber.slice(-4)}`)
      .executeTakeFirstOrThrow();
    expect(after!.applicant_user_id).toBe(user.id);
    const headers = {
      cookie: registered.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': registered.json().csrfToken,
    };
    const mine = await link.mediation.app.inject({ method: 'GET', url: '/api/cases', headers });
    const listed = mine.json().items.find((item: { id: string }) => item.id === after!.id);
    expect(listed).toMatchObject({ source: 'delegated', court: { name: '上海金融法院', caseRef } });
  });

  it('leaves both audit logs intact', async () => {
    expect(await auditVerdictAfterIntegration(link.court.deps)).toMatchObject({ ok: true });
    expect(await auditVerdictAfterIntegration(link.mediation.deps)).toMatchObject({ ok: true });
  });
});
