import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseClient, type JourneyActors, type Headers } from '../support/case-fixtures.ts';
import { instanceBus, type OtherInstance, otherInstance } from '../support/second-instance.ts';
import { connectSignaling, type Frame } from '../support/signaling-client.ts';
import { openedSession, sessionCase } from '../support/session-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';
import { SESSION_LIMITS } from '@sutiao/domain/sessions/session-lifecycle.ts';
import { sessionSignaling } from '../../src/use-cases/mediation/sessions/signaling-relay.ts';

const of = (type: string) => (f: Frame) => f.type === type;
/** An SDP-sized payload, over NOTIFY's 8000-byte limit: it crosses through the spill table. */
const bigSdp = (tag: string) =>
  `v=0 ${tag} ${'a=candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host '.repeat(400)}`;

describe.each(ENGINES)('signaling across server instances (%s)', (engine) => {
  let t: TestApp;
  let b: OtherInstance;
  let actors: JourneyActors;
  let caseId: string;
  let a: string;
  let ids: Record<string, string> = {};
  const others: OtherInstance[] = [];
  const signalPath = (sessionId: string) => `/api/cases/${caseId}/sessions/${sessionId}/signal`;
  const connectTo = (base: string, who: Headers, sessionId: string) =>
    connectSignaling(base, signalPath(sessionId), { cookie: who.cookie });
  const hostOf = async (sessionId: string) =>
    (
      await t.deps.db
        .selectFrom('signaling_hosts')
        .select('instance_id')
        .where('session_id', '=', sessionId)
        .executeTakeFirst()
    )?.instance_id ?? null;
  const savedRooms = (sessionId: string) =>
    t.deps.db
      .selectFrom('signaling_room_states')
      .select('session_id')
      .where('session_id', '=', sessionId)
      .execute();
  const another = async () => {
    const o = await otherInstance(t);
    others.push(o);
    return o;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, 'mediation', { signals: instanceBus });
    ({ actors, caseId, ids, base: a } = await sessionCase(t));
    b = await another();
  });
  afterAll(async () => {
    for (const o of others) await o.close();
    await t.close();
  });

  it('relays a session between instances: the waiting room, signals both ways, a private caucus, an end through the other’s API', async () => {
    const session = await openedSession(t, { actors, caseId });
    const mediator = await connectTo(a, actors.mediator, session.id);
    expect(await mediator.next(of('welcome'))).toMatchObject({ role: 'mediator', presence: 'admitted' });
    // The first instance reached hosts the session's rooms.
    expect(await hostOf(session.id)).toBe(t.deps.signals.instanceId);
    const investor = await connectTo(b.base, actors.investor, session.id);
    const firm = await connectTo(b.base, actors.firm, session.id);
    expect(await investor.next(of('welcome'))).toMatchObject({ presence: 'waiting', room: 'main' });
    expect(await firm.next(of('welcome'))).toMatchObject({ presence: 'waiting' });
    expect(await hostOf(session.id)).toBe(t.deps.signals.instanceId);

    // Waiting on the other instance is waiting all the same.
    investor.send({ type: 'signal', to: ids.mediator1, data: { sdp: 'offer' } });
    expect((await investor.next(of('error'))).code).toBe('SESSION_NOT_ADMITTED');
    mediator.send({ type: 'admit', userId: ids.investor1 });
    mediator.send({ type: 'admit', userId: ids.firm_huaxin });
    expect(await investor.next(of('admitted'))).toMatchObject({ room: 'main' });
    await firm.next(of('admitted'));

    // Both ways across, and between two people of the other instance, large offers included.
    const offer = bigSdp('investor→mediator');
    investor.send({ type: 'signal', to: ids.mediator1, data: { sdp: offer } });
    expect(await mediator.next(of('signal'))).toEqual({
      type: 'signal',
      from: ids.investor1,
      data: { sdp: offer },
    });
    const answer = bigSdp('mediator→firm');
    mediator.send({ type: 'signal', to: ids.firm_huaxin, data: { sdp: answer } });
    expect(await firm.next(of('signal'))).toMatchObject({ from: ids.mediator1, data: { sdp: answer } });
    investor.send({ type: 'signal', to: ids.firm_huaxin, data: { candidate: 'c0' } });
    expect(await firm.next(of('signal'))).toMatchObject({ from: ids.investor1, data: { candidate: 'c0' } });
    // One sender's frames keep their order across the bus, the spilled ones among them.
    for (let i = 0; i < 20; i++)
      investor.send({ type: 'signal', to: ids.mediator1, data: { n: i, sdp: i % 5 === 0 ? offer : 'x' } });
    for (let i = 0; i < 20; i++)
      expect(((await mediator.next(of('signal'))).data as { n: number }).n).toBe(i);

    // A caucus decided on the host holds for the people of the other instance.
    mediator.send({ type: 'caucus', side: 'investor' });
    expect(await investor.next(of('room'))).toMatchObject({ room: 'caucus-investor' });
    await mediator.next(of('room'));
    await firm.next(of('room'));
    firm.send({ type: 'signal', to: ids.mediator1, data: { candidate: 'c2' } });
    expect((await firm.next(of('error'))).code).toBe('SESSION_INVALID');
    investor.send({ type: 'signal', to: ids.firm_huaxin, data: { candidate: 'c1' } });
    expect((await investor.next(of('error'))).code).toBe('SESSION_INVALID');
    investor.send({ type: 'chat', body: '只对调解员说' });
    expect(await mediator.next(of('chat'))).toMatchObject({ body: '只对调解员说', room: 'caucus-investor' });
    firm.send({ type: 'chat', body: '我们在等' });
    await firm.next((f) => f.type === 'chat' && f.body === '我们在等');
    expect(firm.frames.some((f) => f.type === 'chat' && f.room === 'caucus-investor')).toBe(false);

    // Ended through the other instance's API: the host closes every channel, relayed ones too.
    const ended = await caseClient({ ...t, app: b.app }).post(
      actors.mediator,
      `/api/cases/${caseId}/sessions/${session.id}/end`,
      { expectedVersion: session.version },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    for (const c of [mediator, investor, firm]) {
      await c.next(of('ended'));
      expect(await c.closed).toBe(4002);
    }
    await vi.waitFor(async () => expect(await hostOf(session.id)).toBeNull());
    const spilled = await t.deps.db.selectFrom('signaling_spill').select('id').execute();
    expect(spilled).toEqual([]);
    // The people of the other instance joined as into any room: audited once each, by the host.
    const joins = await t.deps.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'session.join')
      .where('target_id', '=', session.id)
      .execute();
    expect(joins.map((l) => l.actor_user_id).sort()).toEqual(
      [ids.mediator1, ids.investor1, ids.firm_huaxin].sort(),
    );
  });

  it('hands the rooms of a stopping instance to another: its channels close with 1012 and reconnect there', async () => {
    const session = await openedSession(t, { actors, caseId });
    const c = await another();
    const mediator = await connectTo(c.base, actors.mediator, session.id);
    await mediator.next(of('welcome'));
    expect(await hostOf(session.id)).toBe(c.deps.signals.instanceId);
    const investor = await connectTo(b.base, actors.investor, session.id);
    await investor.next(of('welcome'));
    mediator.send({ type: 'admit', userId: ids.investor1 });
    await investor.next(of('admitted'));
    investor.send({ type: 'consent', given: true });
    await mediator.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as { userId: string; consent: boolean }[]).some(
          (p) => p.userId === ids.investor1 && p.consent,
        ),
    );
    mediator.send({ type: 'caucus', side: 'investor' });
    await investor.next((f) => f.type === 'room' && f.room === 'caucus-investor');

    await c.close();
    expect(await mediator.closed).toBe(1012);
    expect(await investor.closed).toBe(1012);
    const retired = await t.deps.db
      .selectFrom('signaling_instances')
      .select('id')
      .where('id', '=', c.deps.signals.instanceId)
      .execute();
    expect(retired).toEqual([]);

    // They reconnect (the browser does on 1012) to the instance still running, which takes the session over with
    // the rooms as they were: the investor is back in the caucus, admitted, still consenting; nobody admits again.
    const investorAgain = await connectTo(b.base, actors.investor, session.id);
    expect(await investorAgain.next(of('welcome'))).toMatchObject({
      presence: 'admitted',
      room: 'caucus-investor',
    });
    expect(await hostOf(session.id)).toBe(b.deps.signals.instanceId);
    const mediatorAgain = await connectTo(b.base, actors.mediator, session.id);
    expect(await mediatorAgain.next(of('welcome'))).toMatchObject({ room: 'caucus-investor' });
    const roster = await mediatorAgain.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as { userId: string; presence: string }[]).some(
          (p) => p.userId === ids.investor1 && p.presence === 'admitted',
        ),
    );
    expect(roster.caucus).toBe('investor');
    expect(
      (roster.participants as { userId: string; consent: boolean }[]).find((p) => p.userId === ids.investor1),
    ).toMatchObject({ consent: true });
    mediatorAgain.send({ type: 'reunite' });
    await investorAgain.next((f) => f.type === 'room' && f.room === 'main');
    investorAgain.send({ type: 'signal', to: ids.mediator1, data: { sdp: 'offer-again' } });
    expect(await mediatorAgain.next(of('signal'))).toMatchObject({ data: { sdp: 'offer-again' } });
    mediatorAgain.send({ type: 'end' });
    for (const s of [mediatorAgain, investorAgain]) expect(await s.closed).toBe(4002);
    await vi.waitFor(async () => expect(await savedRooms(session.id)).toEqual([]));
  });

  it('seats the people of a stopped instance back only within the grace period; after it, they wait', async () => {
    const session = await openedSession(t, { actors, caseId });
    const x = await another();
    const mediator = await connectTo(x.base, actors.mediator, session.id);
    await mediator.next(of('welcome'));
    const investor = await connectTo(x.base, actors.investor, session.id);
    await investor.next(of('welcome'));
    mediator.send({ type: 'admit', userId: ids.investor1 });
    await investor.next(of('admitted'));
    await x.close();
    expect(await investor.closed).toBe(1012);
    expect(await savedRooms(session.id)).toHaveLength(1);
    t.clock.now = new Date(t.clock.now.getTime() + SESSION_LIMITS.rejoinGraceMs + 1000);
    const late = await connectTo(b.base, actors.investor, session.id);
    expect(await late.next(of('welcome'))).toMatchObject({ presence: 'waiting' });
    const mediatorAgain = await connectTo(b.base, actors.mediator, session.id);
    await mediatorAgain.next(of('welcome'));
    mediatorAgain.send({ type: 'end' });
    for (const s of [mediatorAgain, late]) expect(await s.closed).toBe(4002);
  });

  it('finds an instance gone silent: its relayed participants reconnect elsewhere, and its own are seated out', async () => {
    // A host that stops checking in, as one that crashed: the instance relaying to it closes with 1012.
    const first = await openedSession(t, { actors, caseId });
    const d = await another();
    const mediator = await connectTo(d.base, actors.mediator, first.id);
    await mediator.next(of('welcome'));
    const investor = await connectTo(b.base, actors.investor, first.id);
    await investor.next(of('welcome'));
    await silence(d);
    await sessionSignaling(b.deps).check();
    expect(await investor.closed).toBe(1012);
    const back = await connectTo(b.base, actors.investor, first.id);
    await back.next(of('welcome'));
    expect(await hostOf(first.id)).toBe(b.deps.signals.instanceId);

    // An edge that went silent: the host seats its participant out, and the room is told.
    const second = await openedSession(t, { actors, caseId });
    const e = await another();
    const host = await connectTo(b.base, actors.mediator, second.id);
    await host.next(of('welcome'));
    const edgeParty = await connectTo(e.base, actors.firm, second.id);
    await edgeParty.next(of('welcome'));
    await host.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as { userId: string; presence: string }[]).some(
          (p) => p.userId === ids.firm_huaxin && p.presence === 'waiting',
        ),
    );
    await silence(e);
    await sessionSignaling(b.deps).check();
    await host.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as { userId: string; presence: string }[]).some(
          (p) => p.userId === ids.firm_huaxin && p.presence === 'away',
        ),
    );
    for (const s of [mediator, back, host, edgeParty]) s.close();
  });

  /** The instance stops saying it is alive (its periodic check no longer runs), and its heartbeat lapses. */
  async function silence(o: OtherInstance) {
    vi.spyOn(sessionSignaling(o.deps), 'check').mockResolvedValue(undefined);
    await t.deps.db
      .updateTable('signaling_instances')
      .set({ alive_until: new Date(Date.now() - 60_000) })
      .where('id', '=', o.deps.signals.instanceId)
      .execute();
  }
});
