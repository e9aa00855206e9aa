import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { publishDirectory } from '../../src/use-cases/docking/publish-directory.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { ENGINES } from '../support/test-databases.ts';

type Headers = Record<string, string>;

/** The court's own use cases and the organization's, through the real link (both platforms in one process). */
describe.each(ENGINES)('court workflows across the link on %s', (engine) => {
  let link: LinkedPlatforms;
  let officer: Headers;
  let judge: Headers;
  let orgAdmin: Headers;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    officer = await link.court.login('sh74_filing');
    judge = await link.court.login('sh74_judge');
    orgAdmin = await link.mediation.login('ws_sh_admin');
    await publishDirectory(link.mediation.deps);
    await link.deliverAll();
  });
  afterAll(async () => link?.close());

  const court = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    link.court.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const courtEvent = async (id: string, event: string, headers: Headers, body: object = {}) => {
    const { version } = (await court('GET', `/api/court/cases/${id}`, headers)).json();
    const res = await court('POST', `/api/court/cases/${id}/${event}`, headers, {
      expectedVersion: version,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const mediationCase = async (caseRef: string) =>
    link.mediation.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('court_case_ref', '=', caseRef)
      .executeTakeFirstOrThrow();
  const mediationEvent = async (caseRef: string, event: string, body: object = {}, headers = orgAdmin) => {
    const c = await mediationCase(caseRef);
    const res = await link.mediation.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/${event}`,
      headers,
      payload: { expectedVersion: c.version, ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const inboxOf = (caseRef: string) =>
    link.court.deps.db
      .selectFrom('docking_inbox')
      .select(['type', 'status', 'code'])
      .where('case_ref', '=', caseRef)
      .orderBy('sequence')
      .execute();

  it('lists the organizations the mediation platform published', async () => {
    const directory = (await court('GET', '/api/court/directory', officer)).json();
    expect(directory.items.map((o: { organizationId: string }) => o.organizationId)).toContain('ws-10');
  });

  it('delegates, gets the receipt and the failed closing report back, and files the case with a 民初 number', async () => {
    const entered = await court('POST', '/api/court/cases', officer, {
      parties: [
        {
          kind: 'person',
          role: 'plaintiff',
          name: '张伟',
          idNumber: '31010119800101123X',
          phone: '13812345678',
        },
        {
          kind: 'organization',
          role: 'defendant',
          name: '华信证券股份有限公司',
          idNumber: '91310000MA1HX0001A',
        },
      ],
      claims: '判令被告赔偿原告投资损失人民币 52,000 元',
      claimAmountFen: 5_200_000,
      facts: '原告于 2024 年在被告处开户，被告未进行适当性评估。',
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const { id } = entered.json();
    await courtEvent(id, 'record-consent', officer, { note: '双方于立案窗口书面同意诉前调解' });
    const delegated = await courtEvent(id, 'delegate', officer, { organizationId: 'ws-10' });
    await link.deliverAll();

    const received = await mediationCase(id);
    expect(received).toMatchObject({
      status: 'awaiting_receipt',
      source: 'delegated',
      court_case_number: delegated.preFilingNumber,
      court_deadline_date: delegated.nextDeadline.dueDate,
    });

    await mediationEvent(id, 'sign-for-receipt');
    await link.deliverAll();
    const mediating = (await court('GET', `/api/court/cases/${id}`, officer)).json();
    expect(mediating).toMatchObject({ status: 'mediating', organizationCaseNumber: received.case_number });

    await mediationEvent(id, 'set-track', { track: 'simple' });
    const mediator = await link.mediation.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'mediator1')
      .executeTakeFirstOrThrow();
    await mediationEvent(id, 'assign-mediator', { mediatorId: mediator.id });
    await mediationEvent(id, 'fail', { reasonCode: 'amount-gap', undisputedFacts: '原告于2024年3月开户。' });
    await link.deliverAll();

    const failed = (await court('GET', `/api/court/cases/${id}`, officer)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      undisputedFacts: '原告于2024年3月开户。',
      closingReport: { result: 'failed', reasonCode: 'amount-gap' },
    });
    const filed = await courtEvent(id, 'file', officer);
    expect(filed.filingNumber).toMatch(/^\(\d{4}\)沪74民初\d+号$/);
    await link.deliverAll();

    expect(await inboxOf(id)).toEqual([
      { type: 'case.receipt', status: 'applied', code: null },
      { type: 'case.progress', status: 'applied', code: null },
      { type: 'case.closing-report', status: 'applied', code: null },
    ]);
    const sent = await link.court.deps.db
      .selectFrom('docking_outbox')
      .select(['type', 'status'])
      .where('case_ref', '=', id)
      .orderBy('sequence')
      .execute();
    expect(sent).toEqual([
      { type: 'case.delegate', status: 'delivered' },
      { type: 'case.filing-notice', status: 'delivered' },
    ]);

    // The judge sees the filed case with the undisputed facts carried, ready to be entrusted.
    const trial = (await court('GET', `/api/court/cases/${filed.continuation.id}`, judge)).json();
    expect(trial).toMatchObject({
      kind: 'entrustment',
      status: 'filed',
      filingNumber: filed.filingNumber,
      undisputedFacts: '原告于2024年3月开户。',
    });
    expect(trial.abilities).toEqual(expect.arrayContaining(['record-consent', 'record-refusal']));
  });

  it('entrusts a filed case over the link, and the organization extends it with consent', async () => {
    const [filed] = await link.court.deps.db
      .selectFrom('court_cases')
      .select('id')
      .where('kind', '=', 'entrustment')
      .where('status', '=', 'filed')
      .execute();
    const id = filed!.id;
    await courtEvent(id, 'record-consent', judge, { note: '庭前双方同意委托调解' });
    const entrusted = await courtEvent(id, 'entrust', judge, {
      organizationId: 'ws-10',
      procedure: 'summary',
    });
    await link.deliverAll();
    expect(await mediationCase(id)).toMatchObject({
      status: 'awaiting_receipt',
      source: 'entrusted',
      court_procedure: 'summary',
      court_deadline_date: entrusted.nextDeadline.dueDate,
    });
    await mediationEvent(id, 'sign-for-receipt');
    await mediationEvent(id, 'extend', { days: 5, consent: '双方当事人书面同意延长五日' });
    await link.deliverAll();
    const extended = (await court('GET', `/api/court/cases/${id}`, judge)).json();
    expect(extended).toMatchObject({ status: 'mediating', extensionDays: 5, daysExcludedFromTrialPeriod: 5 });
    expect(extended.nextDeadline.dueDate).toBe((await mediationCase(id)).court_deadline_date);
    expect((await inboxOf(id)).every((m) => m.status === 'applied')).toBe(true);
  });

  it('settles an entrusted case: the sealed agreement comes back, the judge issues a 调解书, both sides see it', async () => {
    const entered = await court('POST', '/api/court/cases', officer, {
      parties: [
        { kind: 'person', role: 'plaintiff', name: '张伟', idNumber: '31010119800101123X' },
        {
          kind: 'organization',
          role: 'defendant',
          name: '华信证券股份有限公司',
          idNumber: '91310000MA1HX0001A',
        },
      ],
      claims: '判令被告赔偿原告投资损失人民币 30,000 元',
      claimAmountFen: 3_000_000,
      facts: '被告未履行适当性义务。',
    });
    const complaint = entered.json();
    await courtEvent(complaint.id, 'record-refusal', officer, { note: '被告不同意诉前调解' });
    const filed = await courtEvent(complaint.id, 'file', officer);
    const id = filed.continuation.id;
    await courtEvent(id, 'record-consent', judge, { note: '庭审中双方同意委托调解' });
    await courtEvent(id, 'entrust', judge, { organizationId: 'ws-10', procedure: 'ordinary' });
    await link.deliverAll();

    const mediator = await link.mediation.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'mediator1')
      .executeTakeFirstOrThrow();
    await mediationEvent(id, 'sign-for-receipt');
    await mediationEvent(id, 'set-track', { track: 'simple' });
    await mediationEvent(id, 'assign-mediator', { mediatorId: mediator.id });
    const asMediator = await link.mediation.login('mediator1');
    const dueDate = new Date(link.court.clock.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await mediationEvent(
      id,
      'draft-agreement',
      { amountFen: 2_500_000, paymentTerms: '银行转账', dueDate },
      asMediator,
    );
    for (const username of ['investor1', 'firm_huaxin', 'mediator1']) {
      const headers = await link.mediation.login(username);
      await mediationEvent(id, 'sign-agreement', { password: DEMO_PASSWORD }, headers);
    }
    await mediationEvent(id, 'seal-agreement', { password: DEMO_PASSWORD });
    await link.deliverAll();

    const settled = (await court('GET', `/api/court/cases/${id}`, judge)).json();
    expect(settled).toMatchObject({
      status: 'settled',
      closingReport: { result: 'settled', agreement: { amountFen: 2_500_000 } },
      abilities: ['issue-document', 'record-withdrawal'],
    });
    const issued = await courtEvent(id, 'issue-document', judge);
    expect(issued.status).toBe('document_issued');
    await link.deliverAll();

    const [doc] = issued.documents;
    const verified = await link.court.app.inject({
      method: 'GET',
      url: `/api/court/verify/${doc.verificationCode}`,
    });
    expect(verified.json()).toMatchObject({ valid: true, caseNumber: filed.filingNumber });
    const notice = await link.mediation.deps.db
      .selectFrom('docking_inbox')
      .select(['status', 'envelope'])
      .where('case_ref', '=', id)
      .where('type', '=', 'case.filing-notice')
      .executeTakeFirstOrThrow();
    expect(notice.status).toBe('applied');
    expect(notice.envelope.body).toMatchObject({
      outcome: 'mediation-document',
      caseNumber: filed.filingNumber,
    });
    expect((await inboxOf(id)).every((m) => m.status === 'applied')).toBe(true);
  });

  it('leaves both audit logs intact', async () => {
    expect(await auditVerdictAfterIntegration(link.court.deps)).toMatchObject({ ok: true });
    expect(await auditVerdictAfterIntegration(link.mediation.deps)).toMatchObject({ ok: true });
  });
});
