import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClient, type Headers, type JourneyActors, PDF_BYTES } from '../support/case-fixtures.ts';
import { connectSignaling, type Frame } from '../support/signaling-client.ts';
import { openedSession, sessionCase } from '../support/session-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { TEST_MEDIA_RELAY } from '../support/test-deps.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';
import { sendSessionReminders } from '../../src/use-cases/mediation/sessions/send-session-reminders.ts';

const MINUTE = 60_000;
const of = (type: string) => (f: Frame) => f.type === type;

describe.each(ENGINES)('audio/video mediation sessions (%s)', (engine) => {
  let t: TestApp;
  let actors: JourneyActors;
  let base: string;
  let stranger: Headers;
  let caseId: string;
  let ids: Record<string, string> = {};
  let evidenceId: string;
  const api = () => caseClient(t);
  const signalPath = (sessionId: string) => `/api/cases/${caseId}/sessions/${sessionId}/signal`;
  const connect = (who: Headers, sessionId: string) =>
    connectSignaling(base, signalPath(sessionId), { cookie: who.cookie });

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ actors, stranger, base, caseId, ids, evidenceId } = await sessionCase(t));
  });
  afterAll(() => t.close());

  const schedule = (who: Headers, body: Record<string, unknown>) =>
    api().post(who, `/api/cases/${caseId}/sessions`, body);
  const soon = () => new Date(t.clock.now.getTime() + 10 * MINUTE).toISOString();

  const openSession = () => openedSession(t, { actors, caseId });

  it('lets only the case’s mediator schedule, with a valid time, length and people of the case, and invites them', async () => {
    for (const [body, reason] of [
      [{ scheduledAt: 'tomorrow', expectedMinutes: 60 }, /start time/],
      [
        { scheduledAt: new Date(t.clock.now.getTime() - 60 * MINUTE).toISOString(), expectedMinutes: 60 },
        /passed/,
      ],
      [{ scheduledAt: soon(), expectedMinutes: 10 }, /15 to 240/],
      [{ scheduledAt: soon(), expectedMinutes: 60, participantIds: [ids.investor2] }, /people of this case/],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/sessions`,
        headers: { ...actors.mediator, 'accept-language': 'en' },
        payload: body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('SESSION_INVALID');
      expect(res.json().message).toMatch(reason);
    }
    expect((await schedule(actors.investor, { scheduledAt: soon(), expectedMinutes: 60 })).statusCode).toBe(
      403,
    );
    expect((await schedule(stranger, { scheduledAt: soon(), expectedMinutes: 60 })).statusCode).toBe(404);

    const res = await schedule(actors.mediator, { scheduledAt: soon(), expectedMinutes: 45 });
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json();
    expect(session).toMatchObject({
      state: 'scheduled',
      expectedMinutes: 45,
      isMediator: true,
      canJoin: false,
    });
    expect(
      session.participants.map((p: { role: string; side: string | null }) => `${p.role}:${p.side}`),
    ).toEqual(['mediator:null', 'party:investor', 'party:respondent']);
    const invitations = await t.deps.db
      .selectFrom('user_notices')
      .select('user_id')
      .where('kind', '=', 'session.invitation')
      .where('case_id', '=', caseId)
      .execute();
    expect(invitations.map((n) => n.user_id).sort()).toEqual([ids.investor1, ids.firm_huaxin].sort());
    const listed = await api().get(actors.investor, `/api/cases/${caseId}/sessions`);
    expect(listed.json()).toEqual([
      expect.objectContaining({ id: session.id, isMediator: false, canJoin: false }),
    ]);
    expect((await api().get(stranger, `/api/cases/${caseId}/sessions`)).statusCode).toBe(404);

    // Not yet open: nobody can connect; it opens only 30 minutes before its start, and only by its mediator.
    const early = await connect(actors.investor, session.id);
    expect((await early.next(of('error'))).code).toBe('SESSION_NOT_OPEN');
    expect(await early.closed).toBe(4409);
    const later = await schedule(actors.mediator, {
      scheduledAt: new Date(t.clock.now.getTime() + 120 * MINUTE).toISOString(),
      expectedMinutes: 30,
    });
    const tooEarly = await api().post(
      actors.mediator,
      `/api/cases/${caseId}/sessions/${later.json().id}/open`,
      {
        expectedVersion: 1,
      },
    );
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().code).toBe('GUARD_FAILED');
    const byParty = await api().post(actors.investor, `/api/cases/${caseId}/sessions/${session.id}/open`, {
      expectedVersion: 1,
    });
    expect(byParty.statusCode).toBe(403);
    const cancelled = await api().post(
      actors.mediator,
      `/api/cases/${caseId}/sessions/${later.json().id}/cancel`,
      {
        expectedVersion: 1,
      },
    );
    expect(cancelled.json().state).toBe('cancelled');
    const again = await api().post(actors.mediator, `/api/cases/${caseId}/sessions/${later.json().id}/open`, {
      expectedVersion: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CASE_ILLEGAL_EVENT');
  });

  it('refuses signaling to strangers, to the signed-out and to other sites’ pages', async () => {
    const session = await openSession();
    await expect(connectSignaling(base, signalPath(session.id), {})).rejects.toThrow('HTTP 401');
    const outsider = await connect(stranger, session.id);
    expect((await outsider.next(of('error'))).code).toBe('NOT_FOUND');
    expect(await outsider.closed).toBe(4403);
    // The center's administrator can read the case but is not invited.
    const admin = await connect(actors.admin, session.id);
    expect((await admin.next(of('error'))).code).toBe('FORBIDDEN');
    expect(await admin.closed).toBe(4403);
    const forged = await connectSignaling(base, signalPath(session.id), {
      cookie: actors.investor.cookie,
      origin: 'https://evil.example',
    });
    expect(await forged.closed).toBe(4403);
  });

  it('admits from the waiting room, relays within a room only, and isolates a private caucus', async () => {
    const session = await openSession();
    const mediator = await connect(actors.mediator, session.id);
    expect(await mediator.next(of('welcome'))).toMatchObject({ role: 'mediator', presence: 'admitted' });
    const investor = await connect(actors.investor, session.id);
    const firm = await connect(actors.firm, session.id);
    expect(await investor.next(of('welcome'))).toMatchObject({ presence: 'waiting', room: 'main' });
    expect(await firm.next(of('welcome'))).toMatchObject({ presence: 'waiting' });

    // Waiting: nothing goes anywhere yet, and only the mediator controls the room.
    investor.send({ type: 'signal', to: ids.mediator1, data: { sdp: 'offer' } });
    expect((await investor.next(of('error'))).code).toBe('SESSION_NOT_ADMITTED');
    investor.send({ type: 'admit', userId: ids.investor1 });
    expect((await investor.next(of('error'))).code).toBe('FORBIDDEN');
    investor.send({ type: 'chat', body: '' });
    expect((await investor.next(of('error'))).code).toBe('SESSION_INVALID');

    mediator.send({ type: 'admit', userId: ids.investor1 });
    mediator.send({ type: 'admit', userId: ids.firm_huaxin });
    expect(await investor.next(of('admitted'))).toMatchObject({ room: 'main' });
    await firm.next(of('admitted'));
    investor.send({ type: 'signal', to: ids.firm_huaxin, data: { sdp: 'offer-1' } });
    expect(await firm.next(of('signal'))).toEqual({
      type: 'signal',
      from: ids.investor1,
      data: { sdp: 'offer-1' },
    });
    firm.send({ type: 'chat', body: '大家好' });
    for (const c of [mediator, investor, firm])
      expect(await c.next(of('chat'))).toMatchObject({ body: '大家好', room: 'main', from: ids.firm_huaxin });

    // Caucus with the investor: the mediator and the investor in one room, the firm waiting outside.
    mediator.send({ type: 'caucus', side: 'investor' });
    expect(await investor.next(of('room'))).toMatchObject({ room: 'caucus-investor' });
    expect(await mediator.next(of('room'))).toMatchObject({ room: 'caucus-investor' });
    const waiting = await firm.next(of('room'));
    expect(waiting).toMatchObject({ room: 'main' });
    expect((waiting.notice as { zh: string }).zh).toMatch(/单独会谈/);

    investor.send({ type: 'signal', to: ids.firm_huaxin, data: { candidate: 'c1' } });
    expect((await investor.next(of('error'))).code).toBe('SESSION_INVALID');
    firm.send({ type: 'signal', to: ids.mediator1, data: { candidate: 'c2' } });
    expect((await firm.next(of('error'))).code).toBe('SESSION_INVALID');
    investor.send({ type: 'signal', to: ids.mediator1, data: { candidate: 'c3' } });
    expect(await mediator.next(of('signal'))).toMatchObject({
      from: ids.investor1,
      data: { candidate: 'c3' },
    });
    investor.send({ type: 'chat', body: '我最低能接受八成' });
    expect(await mediator.next(of('chat'))).toMatchObject({
      body: '我最低能接受八成',
      room: 'caucus-investor',
    });
    expect(await investor.next(of('chat'))).toMatchObject({ room: 'caucus-investor' });
    firm.send({ type: 'chat', body: '我们在等' });
    expect(await firm.next(of('chat'))).toMatchObject({ body: '我们在等', room: 'main' });
    // The firm's own line came back after the investor's was delivered: had that crossed, it would be here first.
    expect(firm.frames.filter((f) => f.type === 'signal' || f.type === 'chat')).toEqual([]);
    await mediator.next(of('roster'));
    investor.send({ type: 'chat', body: '收到' });
    await investor.next(of('chat'));
    expect(mediator.frames.some((f) => f.type === 'chat' && f.body === '我们在等')).toBe(false);

    mediator.send({ type: 'reunite' });
    expect(
      await firm.next(
        (f) => f.type === 'room' && f.room === 'main' && (f.notice as { en: string }).en.includes('back'),
      ),
    ).toBeTruthy();
    investor.send({ type: 'signal', to: ids.firm_huaxin, data: { sdp: 'offer-2' } });
    expect(await firm.next(of('signal'))).toMatchObject({ data: { sdp: 'offer-2' } });

    // Afterwards the caucus is read only by those who were in it.
    const seen = async (who: Headers) =>
      (await api().get(who, `/api/cases/${caseId}`))
        .json<{ messages: { body: string; room: string | null }[] }>()
        .messages.filter((m) => m.room !== null)
        .map((m) => `${m.room}:${m.body}`);
    expect(await seen(actors.investor)).toEqual([
      'main:大家好',
      'caucus-investor:我最低能接受八成',
      'caucus-investor:收到',
    ]);
    expect(await seen(actors.firm)).toEqual(['main:大家好', 'main:我们在等']);
    expect(await seen(actors.mediator)).toEqual([
      'main:大家好',
      'caucus-investor:我最低能接受八成',
      'caucus-investor:收到',
    ]);

    // A dropped participant comes back without being admitted again; a removed one waits again.
    investor.close();
    expect(await investor.closed).toBe(1005);
    const back = await connect(actors.investor, session.id);
    expect(await back.next(of('welcome'))).toMatchObject({ presence: 'admitted' });
    mediator.send({ type: 'mute', userId: ids.investor1 });
    await back.next(of('muted'));
    mediator.send({ type: 'remove', userId: ids.firm_huaxin });
    await firm.next(of('removed'));
    expect(await firm.closed).toBe(4000);
    const firmAgain = await connect(actors.firm, session.id);
    expect(await firmAgain.next(of('welcome'))).toMatchObject({ presence: 'waiting' });

    // The mediator ends it for everyone; it is recorded and nobody can come back.
    mediator.send({ type: 'end' });
    for (const c of [back, firmAgain, mediator]) {
      await c.next(of('ended'));
      expect(await c.closed).toBe(4002);
    }
    const row = await t.deps.db
      .selectFrom('mediation_sessions')
      .select(['state', 'ended_at'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('ended');
    const late = await connect(actors.investor, session.id);
    expect(await late.closed).toBe(4409);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', session.id)
      .orderBy('seq')
      .execute();
    const actions = audited.map((a) => a.action);
    for (const action of [
      'session.open',
      'session.join',
      'session.admit',
      'session.caucus',
      'session.reunite',
      'session.mute',
      'session.remove',
      'session.leave',
      'session.end',
    ])
      expect(actions, action).toContain(action);
  });

  it('shows a case document to the speaker’s room only, and refuses a file that is not the case’s', async () => {
    const session = await openSession();
    const mediator = await connect(actors.mediator, session.id);
    const investor = await connect(actors.investor, session.id);
    const firm = await connect(actors.firm, session.id);
    for (const c of [mediator, investor, firm]) await c.next(of('welcome'));
    // Waiting: nothing can be shown yet.
    investor.send({ type: 'share', uploadId: evidenceId });
    expect((await investor.next(of('error'))).code).toBe('SESSION_NOT_ADMITTED');
    mediator.send({ type: 'admit', userId: ids.investor1 });
    mediator.send({ type: 'admit', userId: ids.firm_huaxin });
    await investor.next(of('admitted'));
    await firm.next(of('admitted'));

    investor.send({ type: 'share', uploadId: evidenceId });
    for (const c of [mediator, investor, firm])
      expect(await c.next((f) => f.type === 'chat' && f.document !== null)).toMatchObject({
        from: ids.investor1,
        room: 'main',
        body: '分享案件材料：交易流水.pdf',
        document: { id: evidenceId, name: '交易流水.pdf', mime: 'application/pdf' },
      });
    // The firm opens it from the case, as anyone who reads the case may.
    expect((await api().get(actors.firm, `/api/uploads/${evidenceId}`)).statusCode).toBe(200);
    // A file of the firm's own that is not evidence of this case is not shown.
    const own = await api().upload(actors.firm, '内部文件.pdf', PDF_BYTES);
    firm.send({ type: 'share', uploadId: own.json().id });
    const refused = await firm.next(of('error'));
    expect(refused.code).toBe('SESSION_INVALID');
    firm.send({ type: 'share', uploadId: 'x'.repeat(65) });
    expect((await firm.next(of('error'))).code).toBe('SESSION_INVALID');

    // In caucus, a document shown to the mediator stays in the caucus room.
    mediator.send({ type: 'caucus', side: 'investor' });
    await investor.next(of('room'));
    await firm.next(of('room'));
    investor.send({ type: 'share', uploadId: evidenceId });
    expect(await mediator.next((f) => f.type === 'chat' && f.document !== null)).toMatchObject({
      room: 'caucus-investor',
    });
    await investor.next((f) => f.type === 'chat' && f.room === 'caucus-investor');
    firm.send({ type: 'chat', body: '等待中' });
    await firm.next((f) => f.type === 'chat' && f.body === '等待中');
    expect(firm.frames.some((f) => f.type === 'chat' && f.room === 'caucus-investor')).toBe(false);
    const shares = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'session.share')
      .where('target_id', '=', session.id)
      .execute();
    expect(shares.map((a) => (a.details as { room: string }).room)).toEqual(['main', 'caucus-investor']);
    for (const c of [mediator, investor, firm]) c.close();
  });

  it('gives a signed-in browser STUN and TURN servers with TURN credentials of its own, valid for hours', async () => {
    expect((await t.app.inject({ url: '/api/sessions/ice-servers' })).statusCode).toBe(401);
    const res = await api().get(actors.investor, '/api/sessions/ice-servers');
    expect(res.statusCode).toBe(200);
    const { iceServers, iceTransportPolicy } = res.json();
    expect(iceTransportPolicy).toBe('all');
    expect(iceServers[0]).toEqual({ urls: TEST_MEDIA_RELAY.stunUrls });
    const turn = iceServers[1];
    expect(turn.urls).toEqual(TEST_MEDIA_RELAY.turnUrls);
    const [expiry, userId] = turn.username.split(':');
    expect(userId).toBe(ids.investor1);
    const hours = (Number(expiry) * 1000 - t.clock.now.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(5.9);
    expect(hours).toBeLessThanOrEqual(6);
    // The password coturn derives from its static-auth-secret (use-auth-secret) for that username.
    expect(turn.credential).toBe(
      createHmac('sha1', TEST_MEDIA_RELAY.turnSecret).update(turn.username).digest('base64'),
    );
    const other = (await api().get(actors.firm, '/api/sessions/ice-servers')).json().iceServers[1];
    expect(other.credential).not.toBe(turn.credential);
  });

  it('reminds a session’s people once within the hour before it starts', async () => {
    const made = await schedule(actors.mediator, {
      scheduledAt: new Date(t.clock.now.getTime() + 150 * MINUTE).toISOString(),
      expectedMinutes: 30,
    });
    const id = made.json().id;
    const reminders = () =>
      t.deps.db
        .selectFrom('user_notices')
        .select('user_id')
        .where('kind', '=', 'session.reminder')
        .where('case_id', '=', caseId)
        .execute();
    // Sessions of the tests above that start within the hour are reminded first; this one is not due yet.
    await sendSessionReminders(t.deps);
    const before = (await reminders()).length;
    expect(await sendSessionReminders(t.deps)).toBe(0);
    expect((await reminders()).length).toBe(before);
    t.clock.advance(100 * MINUTE);
    expect(await sendSessionReminders(t.deps)).toBe(1);
    expect(await sendSessionReminders(t.deps)).toBe(0);
    const row = await t.deps.db
      .selectFrom('mediation_sessions')
      .select('reminder_sent_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reminder_sent_at).not.toBeNull();
    expect((await reminders()).length - before).toBe(2);
  });
});
