import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { runConfirmationClock } from '../../src/use-cases/mediation/confirmation/confirmation-clock.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { fireOk, type MediatingCase, seedCaseInMediation } from '../support/seed-case-in-mediation.ts';
import { ENGINES } from '../support/test-databases.ts';

type Headers = Record<string, string>;
const DAY = 86_400_000;
const TERMS = { amountFen: 1_800_000, paymentTerms: '银行转账', dueDate: '2027-09-30' };
const STATEMENT = '本人确认调解协议系自愿达成，申请司法确认。';

/** The 30-day clock, the court's refusal and rejection, and what is refused before anything travels. */
describe.each(ENGINES)('judicial confirmation clocks and refusals on %s', (engine) => {
  let link: LinkedPlatforms;
  let filing: Headers;
  let judge: Headers;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    filing = await link.court.login('hp_filing');
    judge = await link.court.login('hp_judge');
  });
  afterAll(async () => link?.close());

  const med = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    link.mediation.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const court = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    link.court.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function agreementCase(seal = true): Promise<MediatingCase> {
    const m = await seedCaseInMediation(link.mediation);
    let c = await fireOk(link.mediation, m.mediator, m.case, 'draft-agreement', TERMS);
    for (const who of [m.investor, m.respondent, m.mediator]) {
      c = await fireOk(link.mediation, who, c, 'sign-agreement', { password: DEMO_PASSWORD });
    }
    if (seal) c = await fireOk(link.mediation, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
    return { ...m, case: c };
  }
  const panel = async (m: MediatingCase, who: Headers = m.investor) =>
    (await med('GET', `/api/cases/${m.case.id}/confirmation`, who)).json();
  const apply = (m: MediatingCase, who: Headers = m.investor) =>
    med('POST', `/api/cases/${m.case.id}/confirmation`, who, {
      courtId: 'court-sh-hp',
      statement: STATEMENT,
    });
  const join = async (m: MediatingCase) => {
    const [a] = (await panel(m, m.respondent)).applications;
    const res = await med('POST', `/api/confirmations/${a.id}/co-confirm`, m.respondent, {
      expectedVersion: a.version,
      note: '同意共同申请',
    });
    expect(res.statusCode, res.body).toBe(200);
    await link.deliverAll();
    return a.id as string;
  };
  const courtCaseOf = async (applicationId: string) =>
    link.court.deps.db
      .selectFrom('court_cases')
      .select(['id', 'version', 'status'])
      .where('link_ref', '=', applicationId)
      .executeTakeFirstOrThrow();
  const courtEvent = async (id: string, event: string, headers: Headers, body: object = {}) => {
    const { version } = (await court('GET', `/api/court/cases/${id}`, headers)).json();
    return court('POST', `/api/court/cases/${id}/${event}`, headers, { expectedVersion: version, ...body });
  };
  const applicationRow = (id: string) =>
    link.mediation.deps.db
      .selectFrom('confirmation_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('refuses to apply before the agreement is effective, with the reason', async () => {
    const m = await agreementCase(false);
    const p = await panel(m);
    expect(p.canApply).toBe(false);
    expect(p.problems.map((x: { code: string }) => x.code)).toContain('agreement-not-effective');
    const res = await apply(m);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CONFIRMATION_NOT_ALLOWED' });
    expect(res.json().message).toContain('生效');
  });

  it('the court does not accept an application, with a coded ground the parties see', async () => {
    const m = await agreementCase();
    expect((await apply(m)).statusCode).toBe(200);
    const applicationId = await join(m);
    const c = await courtCaseOf(applicationId);
    const noGround = await courtEvent(c.id, 'refuse', filing, { groundCode: 'no-such-ground', note: '理由' });
    expect(noGround.statusCode).toBe(422);
    const judgeTries = await courtEvent(c.id, 'accept', judge);
    expect(judgeTries.statusCode).toBe(403);
    const refused = await courtEvent(c.id, 'refuse', filing, {
      groundCode: 'property-ownership',
      note: '协议涉及物权确认',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'not_accepted', closed: true });
    await link.deliverAll();
    expect(await applicationRow(applicationId)).toMatchObject({
      status: 'not_accepted',
      decision: 'not-accepted',
      ground_code: 'property-ownership',
    });
    // After a refusal the parties may apply again (to a court that will take it).
    expect((await panel(m)).canApply).toBe(true);
  });

  it('the judge rejects an application with a ground; the parties get the signed ruling and may mediate again', async () => {
    const m = await agreementCase();
    expect((await apply(m)).statusCode).toBe(200);
    const applicationId = await join(m);
    const { id } = await courtCaseOf(applicationId);
    expect((await courtEvent(id, 'accept', filing)).statusCode).toBe(200);
    const early = await courtEvent(id, 'reject', judge, { groundCode: 'not-voluntary' });
    expect(early.statusCode).toBe(409);
    const judges = (await court('GET', '/api/court/judges', filing)).json().items;
    expect((await courtEvent(id, 'assign-judge', filing, { judgeId: judges[0].id })).statusCode).toBe(200);
    const noGround = await courtEvent(id, 'reject', judge, {});
    expect(noGround.statusCode).toBe(400);
    const rejected = await courtEvent(id, 'reject', judge, {
      groundCode: 'not-voluntary',
      note: '被申请人称系受胁迫签署',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().documents).toHaveLength(1);
    await link.deliverAll();
    const row = await applicationRow(applicationId);
    expect(row).toMatchObject({ status: 'rejected', decision: 'rejected', ground_code: 'not-voluntary' });
    const pdf = await med('GET', `/api/confirmations/${applicationId}/ruling.pdf`, m.investor);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const verified = (await court('GET', `/api/verify?code=${row.ruling_verification_code}`, {})).json();
    expect(verified).toMatchObject({ kind: 'court-document', document: { valid: true } });
  });

  it('a withdrawal before the second party joins ends the application here and sends the court nothing', async () => {
    const m = await agreementCase();
    expect((await apply(m)).statusCode).toBe(200);
    const [a] = (await panel(m)).applications;
    // A withdrawal before the court holds it goes nowhere: the application is simply withdrawn here.
    const res = await med('POST', `/api/confirmations/${a.id}/withdraw`, m.investor, {
      expectedVersion: a.version,
      note: '双方已自行履行',
    });
    expect(res.statusCode, res.body).toBe(200);
    await link.deliverAll();
    expect((await applicationRow(a.id)).status).toBe('withdrawn');
    const outbox = await link.mediation.deps.db
      .selectFrom('docking_outbox')
      .select('type')
      .where('case_ref', '=', a.id)
      .execute();
    expect(outbox).toEqual([]);
  });
  it('refuses an agreement PDF whose bytes do not match the signed hashes, and keeps nothing of it', async () => {
    const m = await agreementCase();
    expect((await apply(m)).statusCode).toBe(200);
    const applicationId = await join(m);
    const { id } = await courtCaseOf(applicationId);
    const detail = (await court('GET', `/api/court/cases/${id}`, filing)).json();
    const client = link.court.deps.docking.client;
    const genuine = client.fetchAttachment.bind(client);
    // The mediation side answers with other bytes than its signed message named (a tampered or swapped file).
    client.fetchAttachment = async (baseUrl, request) => {
      const answer = await genuine(baseUrl, request);
      return {
        ...answer,
        bytes: answer.bytes ? Buffer.concat([Buffer.from(answer.bytes), Buffer.from('x')]) : null,
      };
    };
    try {
      const tampered = await court('GET', detail.confirmation.agreement.pdfUrl, filing);
      expect(tampered.statusCode).toBe(502);
      expect(tampered.json().code).toBe('DOCKING_ATTACHMENT_MISMATCH');
      expect(await link.court.deps.storage.has(detail.confirmation.agreement.sha256)).toBe(false);
    } finally {
      client.fetchAttachment = genuine;
    }
    const intact = await court('GET', detail.confirmation.agreement.pdfUrl, filing);
    expect(intact.statusCode).toBe(200);
  });

  // Last: it moves both clocks a month on.
  it('reminds both parties on day 20 once, lapses a one-sided application after day 30 and then refuses to apply', async () => {
    const m = await agreementCase();
    expect((await apply(m)).statusCode).toBe(200);
    const noticesOf = () =>
      link.mediation.deps.db
        .selectFrom('user_notices')
        .select(['user_id'])
        .where('kind', '=', 'confirmation.reminder')
        .where('case_id', '=', m.case.id)
        .execute();
    link.advance(20 * DAY + 3_600_000);
    expect((await runConfirmationClock(link.mediation.deps)).reminded).toBeGreaterThanOrEqual(1);
    const first = (await noticesOf()).length;
    expect(first).toBeGreaterThanOrEqual(2);
    await runConfirmationClock(link.mediation.deps);
    expect((await noticesOf()).length).toBe(first);

    link.advance(15 * DAY);
    const { lapsed } = await runConfirmationClock(link.mediation.deps);
    expect(lapsed).toBeGreaterThanOrEqual(1);
    // A month on, the sessions have ended: the investor signs in again.
    m.investor = await link.mediation.login('investor1');
    const [a] = (await panel(m)).applications;
    expect(a.status).toBe('lapsed');
    const p = await panel(m);
    expect(p.window.open).toBe(false);
    expect(p.problems.map((x: { code: string }) => x.code)).toContain('window-closed');
    const late = await apply(m);
    expect(late.statusCode).toBe(422);
    // Nothing of it reached the court.
    expect(
      await link.court.deps.db.selectFrom('court_cases').select('id').where('link_ref', '=', a.id).execute(),
    ).toEqual([]);
  });
});
