import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKING_BODY_SCHEMAS } from '@sutiao/domain/docking/message-bodies.ts';
import type { DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
// Registers the formats (date-time) the body schemas use, as the receiving side does.
import '@sutiao/domain/docking/protocol.ts';
import { expireOverdueReferrals } from '../../src/use-cases/court/expire-overdue-referrals.ts';
import { COURT_INBOUND_HANDLERS } from '../../src/use-cases/court/inbound-handlers.ts';
import { DockingRejection, type InboundMessage } from '../../src/use-cases/docking/inbound-handler.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

type Headers = Record<string, string>;

const PEER = 'test-mediation-peer';
const ORG = 'org-center';
const MEDIATOR = 'mediator-wang';
const DAY = 86_400_000;

const COMPLAINT = {
  parties: [
    {
      kind: 'person',
      role: 'plaintiff',
      name: '张三丰',
      idNumber: '110101199003071234',
      phone: '13812345678',
    },
    { kind: 'organization', role: 'defendant', name: '某某证券股份有限公司', idNumber: '91310000132200821H' },
  ],
  claims: '判令被告赔偿原告投资差额损失 12,345.67 元',
  claimAmountFen: 1_234_567,
  facts: '原告因被告虚假陈述买入股票受损。',
};

describe.each(ENGINES)('court workflows on %s', (engine) => {
  let t: TestApp;
  let officer: Headers;
  let judge: Headers;
  let messageSeq = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, 'court');
    officer = await t.login('sh74_filing');
    judge = await t.login('sh74_judge');
    const now = t.clock.now;
    await t.deps.db
      .insertInto('docking_peers')
      .values({
        id: PEER,
        platform: 'mediation',
        name: '调解平台（测试）',
        base_url: 'http://mediation.test',
      })
      .execute();
    await t.deps.db
      .insertInto('docking_directory')
      .values({
        peer_id: PEER,
        organization_id: ORG,
        name: '中证资本市场法律服务中心',
        region: '上海',
        workstations: JSON.stringify([{ id: 'ws-10', name: '上海工作站' }]),
        mediators: JSON.stringify([{ id: MEDIATOR, name: '王调解', specialties: ['证券'] }]),
        published_at: now,
      })
      .execute();
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { ...headers, 'accept-language': 'zh-CN' },
      ...(payload ? { payload } : {}),
    });
  const event = async (id: string, name: string, headers: Headers, body: object = {}) => {
    const current = (await call('GET', `/api/court/cases/${id}`, headers)).json();
    return call('POST', `/api/court/cases/${id}/${name}`, headers, {
      expectedVersion: current.version,
      ...body,
    });
  };
  const outbox = (caseRef: string) =>
    t.deps.db
      .selectFrom('docking_outbox')
      .select(['type', 'peer_id', 'body', 'sequence'])
      .where('case_ref', '=', caseRef)
      .orderBy('sequence')
      .execute();
  const receive = async <T extends DockingMessageType>(
    type: T,
    caseRef: string,
    body: InboundMessage<T>['body'],
  ) => {
    messageSeq += 1;
    const message = {
      messageId: `m-${messageSeq}`,
      type,
      senderId: PEER,
      caseRef,
      sequence: messageSeq,
      createdAt: t.clock.now.toISOString(),
      body,
    } as InboundMessage<T>;
    const handle = COURT_INBOUND_HANDLERS[type] as (...args: unknown[]) => Promise<void>;
    await t.deps.db.transaction().execute((trx) => handle(t.deps, trx, message));
  };
  const enter = async () => {
    const res = await call('POST', '/api/court/cases', officer, COMPLAINT);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const delegated = async () => {
    const { id } = await enter();
    expect((await event(id, 'record-consent', officer, { note: '双方当庭同意调解' })).statusCode).toBe(200);
    const res = await event(id, 'delegate', officer, { organizationId: ORG, mediatorId: MEDIATOR });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('refuses a complaint without parties or claims, with a stable code and a clear message', async () => {
    const noDefendant = await call('POST', '/api/court/cases', officer, {
      ...COMPLAINT,
      parties: [COMPLAINT.parties[0]],
    });
    expect(noDefendant.statusCode).toBe(422);
    expect(noDefendant.json()).toMatchObject({ code: 'COURT_PARTIES_MISSING' });
    expect(noDefendant.json().message).toContain('原告和一名被告');
    const noClaims = await call('POST', '/api/court/cases', officer, { ...COMPLAINT, claims: '  ' });
    expect(noClaims.json()).toMatchObject({ code: 'COURT_CLAIMS_MISSING' });
    const badId = await call('POST', '/api/court/cases', officer, {
      ...COMPLAINT,
      parties: [{ ...COMPLAINT.parties[0], idNumber: '12345' }, COMPLAINT.parties[1]],
    });
    expect(badId.json()).toMatchObject({ code: 'COURT_PARTY_ID_INVALID' });
    expect(await t.deps.db.selectFrom('court_cases').select('id').execute()).toHaveLength(0);
  });

  it('enters a complaint with masked parties and encrypted ID numbers', async () => {
    const detail = await enter();
    expect(detail).toMatchObject({ kind: 'delegation', status: 'complaint_entered', plaintiffs: '张**' });
    expect(detail.parties[0]).toMatchObject({
      name: '张**',
      idNumberMasked: '1****************4',
      phoneMasked: '138****5678',
    });
    expect(detail.parties[1]).toMatchObject({ name: '某某证券股份有限公司' });
    expect(detail.abilities).toEqual(['record-consent', 'record-refusal', 'withdraw']);
    const stored = await t.deps.db
      .selectFrom('court_case_parties')
      .select('id_number_enc')
      .where('case_id', '=', detail.id)
      .execute();
    expect(stored.map((p) => p.id_number_enc).join()).not.toContain('110101199003071234');
  });

  it('delegates in one action: pre-filing number, organization and mediator, 30-day period, case.delegate', async () => {
    const detail = await delegated();
    const year = t.clock.now.getUTCFullYear();
    expect(detail.status).toBe('delegated');
    expect(detail.preFilingNumber).toMatch(new RegExp(`^\\(${year}\\)沪74民诉前调\\d+号$`));
    expect(detail).toMatchObject({ organizationName: '中证资本市场法律服务中心', mediatorName: '王调解' });
    expect(detail.nextDeadline).toMatchObject({ kind: 'mediation', overdue: false });
    const [message] = await outbox(detail.id);
    expect(message).toMatchObject({ type: 'case.delegate', peer_id: PEER });
    const body = typeof message!.body === 'string' ? JSON.parse(message!.body) : message!.body;
    expect(Value.Check(DOCKING_BODY_SCHEMAS['case.delegate'], body)).toBe(true);
    expect(body).toMatchObject({
      preFilingNumber: detail.preFilingNumber,
      organizationId: ORG,
      mediatorId: MEDIATOR,
      deadlineDate: detail.nextDeadline.dueDate,
      court: { id: 'court-sh74', code: '沪74' },
    });
    expect(body.parties[0].idNumber).toBe('110101199003071234');
    // Numbers are gapless per court and year.
    const next = await delegated();
    const seq = (n: string) => Number(/调(\d+)号/.exec(n)![1]);
    expect(seq(next.preFilingNumber)).toBe(seq(detail.preFilingNumber) + 1);
  });

  it('refuses an organization outside the directory and a judge delegating', async () => {
    const { id } = await enter();
    await event(id, 'record-consent', officer, { note: '同意' });
    const unknown = await event(id, 'delegate', officer, { organizationId: 'org-nowhere' });
    expect(unknown.json()).toMatchObject({ code: 'COURT_DIRECTORY_UNKNOWN' });
    expect((await event(id, 'delegate', judge, { organizationId: ORG })).statusCode).toBe(403);
    const stale = await call('POST', `/api/court/cases/${id}/delegate`, officer, {
      expectedVersion: 1,
      organizationId: ORG,
    });
    expect(stale.json()).toMatchObject({ code: 'CASE_STATE_CONFLICT' });
  });

  it('runs a delegation to filing: receipt, extension, failed report, 登记立案 with undisputed facts', async () => {
    const detail = await delegated();
    await receive('case.receipt', detail.id, {
      receivedAt: t.clock.now.toISOString(),
      organizationCaseNumber: '(2026)中证调字第000001号',
      organizationName: '中证资本市场法律服务中心',
    });
    const mediating = (await call('GET', `/api/court/cases/${detail.id}`, officer)).json();
    expect(mediating).toMatchObject({
      status: 'mediating',
      organizationCaseNumber: '(2026)中证调字第000001号',
    });
    expect(mediating.nextDeadline.dueDate).toBe(detail.nextDeadline.dueDate);

    const extended = (
      await event(detail.id, 'extend', officer, { days: 10, note: '双方书面同意延长十日' })
    ).json();
    expect(extended).toMatchObject({ status: 'mediating', extensionDays: 10 });
    expect(extended.nextDeadline.dueDate > detail.nextDeadline.dueDate).toBe(true);
    const tooLong = await event(detail.id, 'extend', officer, { days: 25, note: '再延长' });
    expect(tooLong.json()).toMatchObject({ code: 'GUARD_FAILED' });

    await receive('case.closing-report', detail.id, {
      closedAt: t.clock.now.toISOString(),
      result: 'failed',
      reasonCode: 'amount-gap',
      undisputedFacts: '原告于2025年3月买入涉案股票。',
      agreement: null,
    });
    const failed = (await call('GET', `/api/court/cases/${detail.id}`, officer)).json();
    expect(failed).toMatchObject({ status: 'failed', abilities: ['file', 'withdraw'] });
    expect(failed.nextDeadline.kind).toBe('filing');

    const filing = await event(detail.id, 'file', officer);
    expect(filing.statusCode, filing.body).toBe(200);
    const filed = filing.json();
    expect(filed.status).toBe('filed');
    expect(filed.filingNumber).toMatch(/^\(\d{4}\)沪74民初\d+号$/);
    expect(filed.continuation).toMatchObject({ kind: 'entrustment', status: 'filed' });
    const trialCase = (await call('GET', `/api/court/cases/${filed.continuation.id}`, judge)).json();
    expect(trialCase).toMatchObject({
      filingNumber: filed.filingNumber,
      undisputedFacts: '原告于2025年3月买入涉案股票。',
      origin: { id: detail.id },
    });
    expect(trialCase.parties).toHaveLength(2);
    const types = (await outbox(detail.id)).map((m) => m.type);
    expect(types).toEqual(['case.delegate', 'case.extension', 'case.filing-notice']);
    for (const m of await outbox(detail.id)) {
      const body = typeof m.body === 'string' ? JSON.parse(m.body) : m.body;
      expect(Value.Check(DOCKING_BODY_SCHEMAS[m.type as DockingMessageType], body), m.type).toBe(true);
    }
  });

  it('entrusts a filed case, and the judge issues a signed, verifiable 调解书 after settlement', async () => {
    const { id } = await delegated();
    await receive('case.decline', id, {
      declinedAt: t.clock.now.toISOString(),
      reasonCode: 'outside-scope',
      note: null,
    });
    const filed = (await event(id, 'file', officer)).json();
    const trialId = filed.continuation.id;
    expect(
      (await event(trialId, 'record-consent', judge, { note: '庭审中双方同意委托调解' })).statusCode,
    ).toBe(200);
    const entrusted = (
      await event(trialId, 'entrust', judge, { organizationId: ORG, procedure: 'summary' })
    ).json();
    expect(entrusted).toMatchObject({ status: 'entrusted', procedure: 'summary' });
    const [entrust] = await outbox(trialId);
    expect(entrust).toMatchObject({ type: 'case.entrust' });
    const body = typeof entrust!.body === 'string' ? JSON.parse(entrust!.body) : entrust!.body;
    expect(Value.Check(DOCKING_BODY_SCHEMAS['case.entrust'], body)).toBe(true);
    expect(body).toMatchObject({ filingNumber: filed.filingNumber, procedure: 'summary' });

    await receive('case.receipt', trialId, {
      receivedAt: t.clock.now.toISOString(),
      organizationCaseNumber: '(2026)中证调字第000002号',
      organizationName: '中证资本市场法律服务中心',
    });
    const extended = (await event(trialId, 'extend', judge, { days: 5, note: '双方同意延长' })).json();
    expect(extended).toMatchObject({ extensionDays: 5, daysExcludedFromTrialPeriod: 5 });
    const sha = 'a'.repeat(64);
    await receive('case.closing-report', trialId, {
      closedAt: t.clock.now.toISOString(),
      result: 'settled',
      reasonCode: null,
      undisputedFacts: null,
      agreement: {
        amountFen: 1_000_000,
        terms: '被告于十五日内向原告支付人民币10,000.00元。',
        effectiveAt: t.clock.now.toISOString(),
        verificationCode: '7KQ4MXTA93HC',
        attachment: {
          name: '调解协议书.pdf',
          mime: 'application/pdf',
          size: 1000,
          sha256: sha,
          sm3: sha,
          role: 'agreement',
        },
      },
    });
    const settled = (await call('GET', `/api/court/cases/${trialId}`, judge)).json();
    expect(settled).toMatchObject({ status: 'settled', abilities: ['issue-document', 'record-withdrawal'] });
    expect((await event(trialId, 'issue-document', officer)).statusCode).toBe(403);

    const issued = (await event(trialId, 'issue-document', judge)).json();
    expect(issued.status).toBe('document_issued');
    const [doc] = issued.documents;
    const pdf = await call('GET', doc.pdfUrl, judge);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await t.app.inject({ method: 'GET', url: `/api/court/verify/${doc.verificationCode}` });
    expect(verified.json()).toMatchObject({
      valid: true,
      checks: { content: true, signature: true, pdf: true },
      caseNumber: filed.filingNumber,
      courtName: '上海金融法院',
    });
    const notice = (await outbox(trialId)).at(-1)!;
    const noticeBody = typeof notice.body === 'string' ? JSON.parse(notice.body) : notice.body;
    expect(noticeBody).toMatchObject({ outcome: 'mediation-document', caseNumber: filed.filingNumber });
    expect(noticeBody.document).toMatchObject({ role: 'court-document', mime: 'application/pdf' });

    // A tampered record no longer verifies.
    await t.deps.db
      .updateTable('court_documents')
      .set({ content: doc.verificationCode ? issuedContentTampered(await storedContent(doc.id)) : '' })
      .where('id', '=', doc.id)
      .execute();
    const tampered = await t.app.inject({ method: 'GET', url: `/api/court/verify/${doc.verificationCode}` });
    expect(tampered.json()).toMatchObject({ valid: false, checks: { content: false } });
  });

  const storedContent = async (id: string) =>
    (
      await t.deps.db
        .selectFrom('court_documents')
        .select('content')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).content;
  const issuedContentTampered = (content: string) => content.replace('10,000.00', '90,000.00');

  it('withdraws a delegation the organization holds (case.withdrawal), and files a refused complaint sending nothing', async () => {
    const held = await delegated();
    const withdrawn = (await event(held.id, 'withdraw', officer, { note: '原告撤回起诉' })).json();
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      closed: true,
      abilities: [],
      outcomeNote: '原告撤回起诉',
    });
    const [, withdrawal] = await outbox(held.id);
    const body = typeof withdrawal!.body === 'string' ? JSON.parse(withdrawal!.body) : withdrawal!.body;
    expect(withdrawal!.type).toBe('case.withdrawal');
    expect(Value.Check(DOCKING_BODY_SCHEMAS['case.withdrawal'], body)).toBe(true);

    const { id } = await enter();
    const refused = (await event(id, 'record-refusal', officer, { note: '被告不同意调解' })).json();
    expect(refused).toMatchObject({ status: 'refused', nextDeadline: { kind: 'filing' } });
    const filed = (await event(id, 'file', officer)).json();
    expect(filed).toMatchObject({ status: 'filed', continuation: { status: 'filed' } });
    expect(await outbox(id)).toEqual([]);
    // A filed complaint is no longer delegated.
    const again = await event(id, 'delegate', officer, { organizationId: ORG });
    expect(again.json()).toMatchObject({ code: 'CASE_ILLEGAL_EVENT' });
  });

  it('rejects messages for unknown cases or in the wrong state, applying nothing', async () => {
    await expect(
      receive('case.receipt', 'no-such-case', {
        receivedAt: t.clock.now.toISOString(),
        organizationCaseNumber: 'x',
        organizationName: 'y',
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_CASE' });
    const { id } = await enter();
    const error = await receive('case.progress', id, {
      at: t.clock.now.toISOString(),
      stage: 'mediating',
      mediatorName: null,
      note: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockingRejection);
    expect(error).toMatchObject({ code: 'UNKNOWN_CASE' });
    const referred = await delegated();
    await expect(
      receive('case.progress', referred.id, {
        at: t.clock.now.toISOString(),
        stage: 'mediating',
        mediatorName: null,
        note: null,
      }),
    ).rejects.toMatchObject({ code: 'CASE_STATE' });
    const after = (await call('GET', `/api/court/cases/${referred.id}`, officer)).json();
    expect(after).toMatchObject({ status: 'delegated', version: referred.version });
  });

  it('marks a referral past its period expired (the job), and hides cases from other courts', async () => {
    const detail = await delegated();
    await receive('case.receipt', detail.id, {
      receivedAt: t.clock.now.toISOString(),
      organizationCaseNumber: '(2026)中证调字第000003号',
      organizationName: '中证资本市场法律服务中心',
    });
    expect((await expireOverdueReferrals(t.deps)).expired).toBe(0);
    t.clock.advance(45 * DAY);
    expect((await expireOverdueReferrals(t.deps)).expired).toBeGreaterThanOrEqual(1);
    // Sessions end when the clock moves 45 days on.
    officer = await t.login('sh74_filing');
    judge = await t.login('sh74_judge');
    const expired = (await call('GET', `/api/court/cases/${detail.id}`, officer)).json();
    expect(expired).toMatchObject({ status: 'expired', abilities: ['file', 'withdraw'] });
    expect(expired.timeline.at(-1)).toMatchObject({ event: 'expire', actorName: '系统' });

    const other = await t.login('bj74_filing');
    expect((await call('GET', `/api/court/cases/${detail.id}`, other)).statusCode).toBe(404);
    const list = (await call('GET', '/api/court/cases', other)).json();
    expect(list.total).toBe(0);
  });

  it('lists and counts the court dashboard by state, organization and deadline', async () => {
    const all = (await call('GET', '/api/court/cases?pageSize=2', officer)).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const overdue = (await call('GET', '/api/court/cases?deadline=overdue', officer)).json();
    for (const item of overdue.items) expect(item.nextDeadline.overdue).toBe(true);
    const dashboard = (await call('GET', '/api/court/dashboard', judge)).json();
    expect(dashboard.court).toMatchObject({ id: 'court-sh74', code: '沪74' });
    expect(dashboard.byState.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(all.total);
    expect(dashboard.byOrganization).toContainEqual(expect.objectContaining({ organizationId: ORG }));
    expect(dashboard.overdue).toBe(overdue.total);
    const directory = (await call('GET', '/api/court/directory', officer)).json();
    expect(directory.items[0]).toMatchObject({ organizationId: ORG, peerId: PEER });
    expect(await auditVerdictAfterIntegration(t.deps)).toMatchObject({ ok: true });
  });
});
