import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { applicationWindowLastDay } from '@sutiao/domain/confirmation/clocks.ts';
import { acceptanceDeadline } from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { rulingDue } from '@sutiao/domain/confirmation/clocks.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { fireOk, type MediatingCase, seedCaseInMediation } from '../support/seed-case-in-mediation.ts';
import { ENGINES } from '../support/test-databases.ts';

type Headers = Record<string, string>;
const TERMS = { amountFen: 3_200_000, paymentTerms: '银行转账至申请人指定账户', dueDate: '2027-06-30' };

/** An effective agreement for investor1 against 华信证券 (a direct case at the center, mediator1). */
async function effectiveAgreement(link: LinkedPlatforms): Promise<MediatingCase> {
  const m = await seedCaseInMediation(link.mediation);
  let c = await fireOk(link.mediation, m.mediator, m.case, 'draft-agreement', TERMS);
  for (const who of [m.investor, m.respondent, m.mediator]) {
    c = await fireOk(link.mediation, who, c, 'sign-agreement', { password: DEMO_PASSWORD });
  }
  c = await fireOk(link.mediation, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
  expect(c.status).toBe('agreement_effective');
  return { ...m, case: c };
}

/** Lifecycle D end to end: the parties apply on the mediation platform, the court accepts, reviews and rules. */
describe.each(ENGINES)('judicial confirmation across the link on %s', (engine) => {
  let link: LinkedPlatforms;
  let m: MediatingCase;
  let filing: Headers;
  let judge: Headers;
  let courtCaseId = '';
  let applicationId = '';

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    m = await effectiveAgreement(link);
    filing = await link.court.login('hp_filing');
    judge = await link.court.login('hp_judge');
  });
  afterAll(async () => link?.close());

  const med = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    link.mediation.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const court = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    link.court.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const panel = async (headers: Headers = m.investor) => {
    const res = await med('GET', `/api/cases/${m.case.id}/confirmation`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const partyEvent = async (event: string, headers: Headers, note?: string) => {
    const current = (await panel(headers)).applications.find((a: { id: string }) => a.id === applicationId);
    return med('POST', `/api/confirmations/${applicationId}/${event}`, headers, {
      expectedVersion: current.version,
      ...(note ? { note } : {}),
    });
  };
  const courtEvent = async (event: string, headers: Headers, body: object = {}) => {
    const { version } = (await court('GET', `/api/court/cases/${courtCaseId}`, headers)).json();
    return court('POST', `/api/court/cases/${courtCaseId}/${event}`, headers, {
      expectedVersion: version,
      ...body,
    });
  };
  const application = async () =>
    link.mediation.deps.db
      .selectFrom('confirmation_applications')
      .selectAll()
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();

  it('shows the window, the competent basic courts and no problem once the agreement is effective', async () => {
    const p = await panel();
    const effective = todayInShanghai(link.mediation.clock.now);
    expect(p).toMatchObject({
      viewerSide: 'investor',
      effectiveDate: effective,
      window: { open: true, lastDay: applicationWindowLastDay(effective) },
      problems: [],
      canApply: true,
      applications: [],
    });
    // investor1's ID is registered in Shanghai; 华信证券 and the center are seated there: the Shanghai basic courts.
    expect(p.courts.map((c: { courtId: string }) => c.courtId)).toEqual(['court-sh-hp', 'court-sh-pd']);
    expect(p.courts[0]).toMatchObject({ basis: 'investor-domicile' });
    expect((await panel(m.mediator)).canApply).toBe(false);
  });

  it('refuses a court that is not competent, a non-party and an empty statement, storing nothing', async () => {
    const elsewhere = await med('POST', `/api/cases/${m.case.id}/confirmation`, m.investor, {
      courtId: 'court-bj-xc',
      statement: '本人自愿申请',
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().code).toBe('CONFIRMATION_COURT_NOT_COMPETENT');
    const mediator = await med('POST', `/api/cases/${m.case.id}/confirmation`, m.mediator, {
      courtId: 'court-sh-hp',
      statement: '代为申请',
    });
    expect(mediator.statusCode).toBe(403);
    const blank = await med('POST', `/api/cases/${m.case.id}/confirmation`, m.investor, {
      courtId: 'court-sh-hp',
      statement: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const rows = await link.mediation.deps.db.selectFrom('confirmation_applications').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('the investor applies; a second application is refused while it is live', async () => {
    const res = await med('POST', `/api/cases/${m.case.id}/confirmation`, m.investor, {
      courtId: 'court-sh-hp',
      statement: '本人确认调解协议系自愿达成，内容真实，不损害他人利益，申请司法确认。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [app] = res.json().applications;
    applicationId = app.id;
    expect(app).toMatchObject({
      status: 'awaiting_co_applicant',
      appliedBy: 'investor',
      court: { id: 'court-sh-hp' },
    });
    const again = await med('POST', `/api/cases/${m.case.id}/confirmation`, m.respondent, {
      courtId: 'court-sh-hp',
      statement: '同意',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'CONFIRMATION_NOT_ALLOWED' });
    // Nothing has gone to the court before the second party joins.
    await link.deliverAll();
    expect(
      await link.court.deps.db
        .selectFrom('court_cases')
        .select('id')
        .where('kind', '=', 'confirmation')
        .execute(),
    ).toEqual([]);
    const respondentView = (await panel(m.respondent)).applications[0];
    expect(respondentView.abilities).toEqual(expect.arrayContaining(['co-confirm', 'co-decline']));
  });

  it('the firm confirms: the joint application reaches the court with the agreement PDF and a 3-day clock', async () => {
    const res = await partyEvent('co-confirm', m.respondent, '本公司同意共同申请司法确认。');
    expect(res.statusCode, res.body).toBe(200);
    expect((await application()).status).toBe('submitted');
    await link.deliverAll();
    const list = (await court('GET', '/api/court/cases?kind=confirmation', filing)).json();
    expect(list.total).toBe(1);
    courtCaseId = list.items[0].id;
    const detail = (await court('GET', `/api/court/cases/${courtCaseId}`, filing)).json();
    expect(detail).toMatchObject({
      kind: 'confirmation',
      status: 'received',
      nextDeadline: {
        kind: 'acceptance',
        dueDate: acceptanceDeadline(todayInShanghai(link.court.clock.now)),
      },
      abilities: expect.arrayContaining(['accept', 'refuse']),
      confirmation: { routingBasis: 'investor-domicile', agreement: { amountFen: 3_200_000 } },
    });
    expect(detail.parties.map((p: { role: string }) => p.role)).toEqual(['applicant', 'applicant']);
    // The agreement PDF crosses by hash and is checked against it.
    const pdf = await court('GET', detail.confirmation.agreement.pdfUrl, filing);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(
      detail.confirmation.agreement.sha256,
    );
    // Another court's staff do not see it.
    const other = await court(
      'GET',
      `/api/court/cases/${courtCaseId}`,
      await link.court.login('sh74_filing'),
    );
    expect(other.statusCode).toBe(404);
  });

  it('the filing officer accepts with a 民特 number; the parties see it and the 15-day review', async () => {
    const res = await courtEvent('accept', filing);
    expect(res.statusCode, res.body).toBe(200);
    const accepted = res.json();
    expect(accepted.filingNumber).toMatch(/^\(\d{4}\)沪0101民特1号$/);
    expect(accepted.nextDeadline).toMatchObject({
      kind: 'ruling',
      dueDate: rulingDue(todayInShanghai(link.court.clock.now)),
    });
    await link.deliverAll();
    expect(await application()).toMatchObject({
      status: 'accepted',
      court_case_number: accepted.filingNumber,
    });
  });

  it('the judge asks the investor for a supplement; only the investor may answer, and the answer reaches the judge', async () => {
    const judges = (await court('GET', '/api/court/judges', filing)).json().items;
    const assigned = await courtEvent('assign-judge', filing, { judgeId: judges[0].id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const asked = await courtEvent('request-supplement', judge, {
      of: 'investor',
      note: '请说明协议约定的付款账户是否为本人账户。',
      dueDate: '2099-01-01',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await link.deliverAll();
    expect((await application()).status).toBe('supplement_requested');
    const wrongParty = await partyEvent('answer-supplement', m.respondent, '账户正确');
    expect(wrongParty.statusCode).toBe(422);
    expect(wrongParty.json().code).toBe('GUARD_FAILED');
    const answered = await partyEvent('answer-supplement', m.investor, '付款账户为本人名下招商银行账户。');
    expect(answered.statusCode, answered.body).toBe(200);
    await link.deliverAll();
    const detail = (await court('GET', `/api/court/cases/${courtCaseId}`, judge)).json();
    expect(detail.status).toBe('reviewing');
    expect(detail.timeline.at(-1)).toMatchObject({ event: 'receive-supplement' });
  });

  it('extends once with the president’s approval and confirms: the signed ruling reaches both parties', async () => {
    const extended = await courtEvent('extend-review', judge, {
      note: '案情需进一步核实',
      approvedBy: '院长 陈某',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    const twice = await courtEvent('extend-review', judge, { note: '再次延长', approvedBy: '院长 陈某' });
    expect(twice.statusCode).toBe(422);
    const ruled = await courtEvent('confirm', judge, { note: '协议系双方自愿达成' });
    expect(ruled.statusCode, ruled.body).toBe(200);
    const detail = ruled.json();
    expect(detail).toMatchObject({
      status: 'confirmed',
      closed: true,
      confirmation: { ruling: { decision: 'confirmed' } },
    });
    await link.deliverAll();
    const app = await application();
    expect(app).toMatchObject({ status: 'confirmed', decision: 'confirmed' });
    const code = app.ruling_verification_code as string;
    const verified = (await court('GET', `/api/court/verify/${code}`, {})).json();
    expect(verified).toMatchObject({
      valid: true,
      kind: 'confirmation-ruling',
      caseNumber: detail.filingNumber,
    });
    for (const who of [m.investor, m.respondent, m.mediator]) {
      const pdf = await med('GET', `/api/confirmations/${applicationId}/ruling.pdf`, who);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(app.ruling_document?.sha256);
    }
    expect((await panel()).canApply).toBe(false);
  });

  it('keeps both audit logs intact', async () => {
    expect(await auditVerdictAfterIntegration(link.mediation.deps)).toMatchObject({ ok: true });
    expect(await auditVerdictAfterIntegration(link.court.deps)).toMatchObject({ ok: true });
  });
});
