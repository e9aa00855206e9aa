import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../src/adapters/crypto/sm3.ts';
import { finishAbandonedRecordings } from '../../src/use-cases/mediation/sessions/recording/finish-abandoned-recordings.ts';
import { caseClient, type Headers, type JourneyActors, multipart } from '../support/case-fixtures.ts';
import { connectSignaling, type Frame, type SignalingClient } from '../support/signaling-client.ts';
import { openedSession, sessionCase } from '../support/session-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const MINUTE = 60_000;
const MIME = 'video/webm;codecs=vp8,opus';
const of = (type: string) => (f: Frame) => f.type === type;
const recordingFrame = (state: 'on' | 'off') => (f: Frame) => f.type === 'recording' && f.state === state;
/** Test chunks: distinct bytes per number. */
const chunksOf = (label: string) => {
  const list = [0, 1, 2, 3].map((i) => Buffer.from(`${label}-${i}-`.repeat(100 + i)));
  return (i: number) => list[i] ?? Buffer.alloc(0);
};
/** The `off` frame of one recording (earlier recordings' frames may still be waiting to be read). */
const offOf = (recordingId: string) => (f: Frame) =>
  recordingFrame('off')(f) && f.recordingId === recordingId;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(ENGINES)('consented recording of a session (%s)', (engine) => {
  let t: TestApp;
  let actors: JourneyActors;
  let base: string;
  let stranger: Headers;
  let caseId: string;
  let ids: Record<string, string> = {};
  const api = () => caseClient(t);

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ actors, stranger, base, caseId, ids } = await sessionCase(t));
  });
  afterAll(() => t.close());

  const openSession = () => openedSession(t, { actors, caseId });

  /** The mediator and both parties, connected and admitted. */
  async function roomOfThree(sessionId: string) {
    const path = `/api/cases/${caseId}/sessions/${sessionId}/signal`;
    const mediator = await connectSignaling(base, path, { cookie: actors.mediator.cookie });
    const investor = await connectSignaling(base, path, { cookie: actors.investor.cookie });
    const firm = await connectSignaling(base, path, { cookie: actors.firm.cookie });
    for (const c of [mediator, investor, firm]) await c.next(of('welcome'));
    mediator.send({ type: 'admit', userId: ids.investor1 });
    mediator.send({ type: 'admit', userId: ids.firm_huaxin });
    await investor.next(of('admitted'));
    await firm.next(of('admitted'));
    return { mediator, investor, firm, path };
  }

  const recordingPath = (sessionId: string, recordingId: string) =>
    `/api/cases/${caseId}/sessions/${sessionId}/recordings/${recordingId}`;
  const upload = (who: Headers, path: string, seq: number, bytes: Buffer, header = sha256(bytes)) => {
    const form = multipart(`chunk-${seq}.webm`, bytes, 'video/webm');
    return t.app.inject({
      method: 'POST',
      url: `${path}/chunks/${seq}`,
      headers: {
        ...who,
        'content-type': form.contentType,
        'x-chunk-sha256': header,
        'accept-language': 'en',
      },
      payload: form.payload,
    });
  };
  type Seen = { userId: string; consent: boolean; presence: string };
  /** The next roster in which `who` is as described. */
  const rosterWith = (c: SignalingClient, who: string, as: Partial<Seen>) =>
    c.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as Seen[]).some(
          (p) => p.userId === who && Object.entries(as).every(([k, v]) => p[k as keyof Seen] === v),
        ),
    );

  it('starts only when everyone admitted consented, stops when one withdraws, and finishes into a file whose SM3 the audit trail holds', async () => {
    const session = await openSession();
    const { mediator, investor, firm } = await roomOfThree(session.id);

    // Nobody has consented: the mediator is told who has not.
    mediator.send({ type: 'record-start', mimeType: MIME });
    const refused = await mediator.next(of('error'));
    expect(refused.code).toBe('RECORDING_CONSENT_MISSING');
    expect((refused.message as { zh: string }).zh).toMatch(/尚未同意/);
    investor.send({ type: 'consent', given: true });
    await rosterWith(mediator, ids.investor1 ?? '', { consent: true });
    mediator.send({ type: 'record-start', mimeType: MIME });
    expect((await mediator.next(of('error'))).code).toBe('RECORDING_CONSENT_MISSING');
    // Only the mediator starts; a party cannot.
    investor.send({ type: 'record-start', mimeType: MIME });
    expect((await investor.next(of('error'))).code).toBe('FORBIDDEN');
    mediator.send({ type: 'record-start', mimeType: 'video/mp4' });
    expect((await mediator.next(of('error'))).code).toBe('SESSION_INVALID');

    firm.send({ type: 'consent', given: true });
    await mediator.next(
      (f) => f.type === 'roster' && (f.participants as { consent: boolean }[]).every((p) => p.consent),
    );
    mediator.send({ type: 'record-start', mimeType: MIME });
    const on = await mediator.next(recordingFrame('on'));
    for (const c of [investor, firm])
      expect((await c.next(recordingFrame('on'))).recordingId).toBe(on.recordingId);
    const recordingId = on.recordingId as string;
    const path = recordingPath(session.id, recordingId);
    const started = await t.deps.db
      .selectFrom('session_recordings')
      .selectAll()
      .where('id', '=', recordingId)
      .executeTakeFirstOrThrow();
    expect(started.state).toBe('recording');
    expect([...started.consented_user_ids].sort()).toEqual(
      [ids.mediator1, ids.investor1, ids.firm_huaxin].sort(),
    );

    // The mediator's browser uploads numbered chunks; only the mediator, only bytes matching their SHA-256.
    const chunk = chunksOf('webm-chunk');
    expect((await upload(actors.investor, path, 0, chunk(0))).statusCode).toBe(403);
    expect((await upload(stranger, path, 0, chunk(0))).statusCode).toBe(404);
    const forged = await upload(actors.mediator, path, 0, chunk(0), sha256(chunk(1)));
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('RECORDING_CHUNK_INVALID');
    for (const seq of [0, 1, 2]) {
      const res = await upload(actors.mediator, path, seq, chunk(seq));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ seq, duplicate: false, sizeBytes: chunk(seq).length });
    }
    // A retried chunk (its answer lost) is accepted once; other bytes under its number are refused.
    expect((await upload(actors.mediator, path, 1, chunk(1))).json().duplicate).toBe(true);
    const clash = await upload(actors.mediator, path, 1, chunk(3));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('RECORDING_CHUNK_CONFLICT');

    // The firm withdraws consent: the recording stops for everyone at once, with the reason.
    firm.send({ type: 'consent', given: false });
    for (const c of [mediator, investor, firm]) {
      const off = await c.next(recordingFrame('off'));
      expect(off).toMatchObject({ recordingId, reason: { code: 'consent-withdrawn' } });
    }
    // Everyone is told first; the stop is kept a moment later.
    await expect
      .poll(() =>
        t.deps.db
          .selectFrom('session_recordings')
          .select(['state', 'stop_reason'])
          .where('id', '=', recordingId)
          .executeTakeFirstOrThrow(),
      )
      .toEqual({ state: 'stopped', stop_reason: 'consent-withdrawn' });

    // The last chunk arrives after the stop; finishing names the missing ones until every chunk is there.
    const incomplete = await api().post(actors.mediator, `${path}/finish`, { chunkCount: 4 }, 'en');
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().code).toBe('RECORDING_INCOMPLETE');
    expect(incomplete.json().message).toMatch(/3/);
    expect((await upload(actors.mediator, path, 3, chunk(3))).statusCode).toBe(200);
    expect((await api().post(actors.investor, `${path}/finish`, { chunkCount: 4 })).statusCode).toBe(403);
    const finished = await api().post(actors.mediator, `${path}/finish`, { chunkCount: 4 });
    expect(finished.statusCode, finished.body).toBe(200);
    const whole = Buffer.concat([0, 1, 2, 3].map(chunk));
    expect(finished.json()).toMatchObject({
      state: 'finished',
      chunkCount: 4,
      sizeBytes: whole.length,
      digestSm3: sm3Hex(whole),
      stopReason: { code: 'consent-withdrawn' },
    });
    expect((await upload(actors.mediator, path, 4, chunk(0))).statusCode).toBe(409);

    // Attached to the case: the session's people play it, byte for byte; others who read the case cannot.
    const listed = await api().get(actors.investor, `/api/cases/${caseId}/sessions`);
    const view = listed
      .json<{ id: string; recordings: { id: string; mediaPath: string | null; consentedBy: string[] }[] }[]>()
      .find((s) => s.id === session.id);
    expect(view?.recordings).toHaveLength(1);
    const attached = view?.recordings[0];
    expect(attached?.consentedBy).toHaveLength(3);
    const played = await api().get(actors.investor, attached?.mediaPath ?? '');
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe(MIME);
    expect(played.rawPayload.equals(whole)).toBe(true);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', recordingId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'session.recording.start',
      'session.recording.stop',
      'session.recording.finish',
      'session.recording.play',
    ]);
    const finishAudit = audit[2]?.details as { digestSm3: string; sizeBytes: number };
    expect(finishAudit.digestSm3).toBe(sm3Hex(played.rawPayload));
    expect(finishAudit.sizeBytes).toBe(played.rawPayload.length);
    const consents = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', session.id)
      .where('action', 'like', 'session.recording.%')
      .orderBy('seq')
      .execute();
    expect(consents.map((a) => `${a.action}:${a.actor_user_id}`)).toEqual([
      `session.recording.consent:${ids.investor1}`,
      `session.recording.consent:${ids.firm_huaxin}`,
      `session.recording.withdraw:${ids.firm_huaxin}`,
    ]);
    const adminView = await api().get(actors.admin, `/api/cases/${caseId}/sessions`);
    const adminRecording = adminView
      .json<{ recordings: { mediaPath: string | null }[] }[]>()
      .find((s) => 'recordings' in s && s.recordings.length > 0)?.recordings[0];
    expect(adminRecording?.mediaPath ?? null).toBeNull();
    expect((await api().get(actors.admin, `${path}/media`)).statusCode).toBe(403);
    expect((await api().get(stranger, `${path}/media`)).statusCode).toBe(404);

    // A recording under way stops when someone who has not consented comes back into the room.
    firm.close();
    await firm.closed;
    await rosterWith(mediator, ids.firm_huaxin ?? '', { presence: 'away' });
    mediator.send({ type: 'record-start', mimeType: MIME });
    const second = await mediator.next(recordingFrame('on'));
    const back = await connectSignaling(base, `/api/cases/${caseId}/sessions/${session.id}/signal`, {
      cookie: actors.firm.cookie,
    });
    expect(await back.next(of('welcome'))).toMatchObject({ presence: 'admitted' });
    expect(await mediator.next(recordingFrame('off'))).toMatchObject({
      recordingId: second.recordingId,
      reason: { code: 'joined-without-consent' },
    });
    // Stopped before its first chunk: it finishes empty.
    const empty = await api().post(
      actors.mediator,
      `${recordingPath(session.id, second.recordingId as string)}/finish`,
      { chunkCount: 0 },
    );
    expect(empty.json()).toMatchObject({ state: 'finished', chunkCount: 0, sizeBytes: 0, mediaPath: null });

    // Ending the session stops a recording in the same step; the browser still finishes it afterwards.
    back.send({ type: 'consent', given: true });
    await mediator.next(
      (f) => f.type === 'roster' && (f.participants as { consent: boolean }[]).every((p) => p.consent),
    );
    mediator.send({ type: 'record-start', mimeType: MIME });
    const third = (await mediator.next(recordingFrame('on'))).recordingId as string;
    const thirdPath = recordingPath(session.id, third);
    expect((await upload(actors.mediator, thirdPath, 0, chunk(2))).statusCode).toBe(200);
    const current = await api().get(actors.mediator, `/api/cases/${caseId}/sessions`);
    const version = current
      .json<{ id: string; version: number }[]>()
      .find((s) => s.id === session.id)?.version;
    const ended = await api().post(actors.mediator, `/api/cases/${caseId}/sessions/${session.id}/end`, {
      expectedVersion: version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await mediator.next(recordingFrame('off'))).toMatchObject({
      recordingId: third,
      reason: { code: 'session-ended' },
    });
    expect(
      ended.json<{ recordings: { id: string; state: string }[] }>().recordings.find((r) => r.id === third)
        ?.state,
    ).toBe('stopped');
    const after = await api().post(actors.mediator, `${thirdPath}/finish`, { chunkCount: 1 });
    expect(after.json()).toMatchObject({ state: 'finished', digestSm3: sm3Hex(chunk(2)) });
    for (const c of [mediator, investor]) await c.closed;
  });

  it('never spans two rooms: a caucus stops it, and one made in a caucus plays only for the people in it', async () => {
    const chunk = chunksOf('caucus');
    const session = await openSession();
    const { mediator, investor, firm } = await roomOfThree(session.id);
    investor.send({ type: 'consent', given: true });
    firm.send({ type: 'consent', given: true });
    await rosterWith(mediator, ids.investor1 ?? '', { consent: true });
    await rosterWith(mediator, ids.firm_huaxin ?? '', { consent: true });
    mediator.send({ type: 'record-start', mimeType: MIME });
    const main = (await mediator.next(recordingFrame('on'))).recordingId as string;
    mediator.send({ type: 'caucus', side: 'investor' });
    expect(await firm.next(offOf(main))).toMatchObject({
      recordingId: main,
      reason: { code: 'room-changed' },
    });
    await investor.next(of('room'));

    // Recorded in the investor's caucus: the firm, seated in the session, still cannot play it.
    mediator.send({ type: 'record-start', mimeType: MIME });
    const caucus = (await mediator.next(recordingFrame('on'))).recordingId as string;
    const path = recordingPath(session.id, caucus);
    expect((await upload(actors.mediator, path, 0, chunk(1))).statusCode).toBe(200);
    mediator.send({ type: 'reunite' });
    expect(await investor.next(offOf(caucus))).toMatchObject({ reason: { code: 'room-changed' } });
    const finished = await api().post(actors.mediator, `${path}/finish`, { chunkCount: 1 });
    expect(finished.json().mediaPath).not.toBeNull();
    expect((await api().get(actors.investor, `${path}/media`)).statusCode).toBe(200);
    expect((await api().get(actors.firm, `${path}/media`)).statusCode).toBe(403);
    const asFirm = await api().get(actors.firm, `/api/cases/${caseId}/sessions`);
    const seenByFirm = asFirm
      .json<{ id: string; recordings: { id: string; mediaPath: string | null }[] }[]>()
      .find((x) => x.id === session.id)
      ?.recordings.find((r) => r.id === caucus);
    expect(seenByFirm?.mediaPath).toBeNull();
    // A chunk arriving after the finish changes nothing of what is played.
    expect((await upload(actors.mediator, path, 1, chunk(2))).statusCode).toBe(409);
    const played = await api().get(actors.investor, `${path}/media`);
    expect(sm3Hex(played.rawPayload)).toBe(finished.json().digestSm3);

    // The browser's finish reaches the server before the room's stop (the page closed): it stops the recording, and
    // the room is told.
    mediator.send({ type: 'record-start', mimeType: MIME });
    const closing = (await mediator.next(recordingFrame('on'))).recordingId as string;
    expect((await upload(actors.mediator, recordingPath(session.id, closing), 0, chunk(3))).statusCode).toBe(
      200,
    );
    const early = await api().post(actors.mediator, `${recordingPath(session.id, closing)}/finish`, {
      chunkCount: 1,
    });
    expect(early.json()).toMatchObject({ state: 'finished', stopReason: { code: 'mediator' } });
    await firm.next(offOf(closing));

    // Admitting someone who has not consented stops the recording first.
    mediator.send({ type: 'remove', userId: ids.firm_huaxin });
    expect(await firm.closed).toBe(4000);
    const again = await connectSignaling(base, `/api/cases/${caseId}/sessions/${session.id}/signal`, {
      cookie: actors.firm.cookie,
    });
    await again.next(of('welcome'));
    again.send({ type: 'consent', given: false });
    await rosterWith(mediator, ids.firm_huaxin ?? '', { presence: 'waiting', consent: false });
    mediator.send({ type: 'record-start', mimeType: MIME });
    const third = (await mediator.next(recordingFrame('on'))).recordingId as string;
    mediator.send({ type: 'admit', userId: ids.firm_huaxin });
    expect(await mediator.next(offOf(third))).toMatchObject({
      recordingId: third,
      reason: { code: 'joined-without-consent' },
    });
    await again.next(of('admitted'));
    // A chunk long after the stop is refused: the browser should have stopped with the room.
    t.clock.advance(6 * MINUTE);
    expect((await upload(actors.mediator, recordingPath(session.id, third), 0, chunk(0))).statusCode).toBe(
      409,
    );
    for (const c of [mediator, investor, again]) c.close();
  });

  it('finishes a recording its browser abandoned, with the chunks that arrived in order', async () => {
    const session = await openSession();
    const { mediator, investor, firm } = await roomOfThree(session.id);
    investor.send({ type: 'consent', given: true });
    firm.send({ type: 'consent', given: true });
    await mediator.next(
      (f) =>
        f.type === 'roster' &&
        (f.participants as { consent: boolean }[]).filter((p) => p.consent).length === 3,
    );
    mediator.send({ type: 'record-start', mimeType: MIME });
    const recordingId = (await mediator.next(recordingFrame('on'))).recordingId as string;
    const path = recordingPath(session.id, recordingId);
    const chunk = chunksOf('abandoned');
    for (const seq of [0, 1, 3])
      expect((await upload(actors.mediator, path, seq, chunk(seq))).statusCode).toBe(200);
    // The mediator's browser closes: the recording stops, and nobody finishes it.
    mediator.close();
    expect(await investor.next(recordingFrame('off'))).toMatchObject({ reason: { code: 'mediator-left' } });

    expect(await finishAbandonedRecordings(t.deps)).toBe(0);
    t.clock.advance(16 * MINUTE);
    // (Other tests' stopped recordings of this file are finished by the same run.)
    expect(await finishAbandonedRecordings(t.deps)).toBeGreaterThanOrEqual(1);
    const row = await t.deps.db
      .selectFrom('session_recordings')
      .select(['state', 'chunk_count', 'digest_sm3'])
      .where('id', '=', recordingId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      state: 'finished',
      chunk_count: 2,
      digest_sm3: sm3Hex(Buffer.concat([chunk(0), chunk(1)])),
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details'])
      .where('target_id', '=', recordingId)
      .where('action', '=', 'session.recording.finish')
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBeNull();
    expect(audit.details).toMatchObject({ finishedBy: 'platform', droppedChunks: [3], chunkCount: 2 });
    expect(await finishAbandonedRecordings(t.deps)).toBe(0);
    investor.close();
    firm.close();
  });
});
