import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClient, caseIn, type Headers, journeyActors } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

/** Beijing wall time → Date. */
const bj = (local: string) => new Date(`${local}+08:00`);

const course = (overrides: Record<string, unknown> = {}) => ({
  title: '证券虚假陈述责任纠纷调解实务',
  summary: '新司法解释下的损失计算与调解技巧',
  coOrganizerIds: ['court-sh74'],
  mode: 'in_person',
  location: '上海市浦东新区世纪大道 100 号',
  startsAt: '2027-03-02T09:00:00+08:00',
  endsAt: '2027-03-04T17:00:00+08:00',
  hours: 24,
  audience: ['mediator'],
  capacity: 2,
  ...overrides,
});

describe.each(ENGINES)('joint training on the mediation platform (%s)', (engine) => {
  let t: TestApp;
  let admin: Headers;
  let sysadmin: Headers;
  let regulator: Headers;
  let investor: Headers;
  const mediators: Record<string, { headers: Headers; id: string }> = {};
  let courseId = '';
  const api = () => caseClient(t);
  const send = (method: 'PUT' | 'DELETE' | 'POST', who: Headers, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...who, 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  /** Moves the clock (sessions don't survive days) and signs everyone in again. */
  async function setClock(local: string) {
    t.clock.now = bj(local);
    [admin, sysadmin, regulator, investor] = await Promise.all([
      t.login('center_admin'),
      t.login('m_sysadmin'),
      t.login('regulator1'),
      t.login('investor1'),
    ]);
    for (const name of ['mediator1', 'mediator2', 'mediator3']) {
      const headers = await t.login(name);
      const me = await api().get(headers, '/api/me');
      mediators[name] = { headers, id: me.json().user.id };
    }
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    // No training yet (the demo's courses gone); everyone took up their role in mid-2025, so 2026's 24 hours
    // apply in full; "today" is 1 March 2027.
    await t.deps.db.deleteFrom('training_certificates').execute();
    await t.deps.db.deleteFrom('training_enrollments').execute();
    await t.deps.db.deleteFrom('training_courses').execute();
    await t.deps.db
      .updateTable('users')
      .set({ created_at: bj('2025-06-01T09:00:00') })
      .execute();
    await setClock('2027-03-01T10:00:00');
  });
  afterAll(() => t.close());

  const who = (name: string) => mediators[name] as { headers: Headers; id: string };

  it('refuses a course without hours, in wrong steps, ending before it starts, without a place or for judges', async () => {
    for (const [bad, zh] of [
      [{ hours: 0 }, '学时'],
      [{ hours: 0.3 }, '学时'],
      [{ endsAt: '2027-03-02T08:00:00+08:00' }, '结束时间'],
      [{ location: '  ' }, '地点'],
      [{ audience: ['judge'] }, '培训对象'],
      [{ coOrganizerIds: ['firm-huaxin'] }, '联合举办单位'],
    ] as const) {
      const res = await api().post(admin, '/api/training/courses', course(bad));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('TRAINING_COURSE_INVALID');
      expect(res.json().message).toContain(zh);
    }
    const en = await send('POST', admin, '/api/training/courses', course({ hours: 0 }));
    expect(en.json().message).toMatch(/hours must be a multiple of 0\.5/);
    expect((await api().post(who('mediator1').headers, '/api/training/courses', course())).statusCode).toBe(
      403,
    );
    expect(await t.deps.db.selectFrom('training_courses').select('id').execute()).toHaveLength(0);
  });

  it('opens a joint course that mediators see and enroll in, up to its capacity', async () => {
    const created = await api().post(admin, '/api/training/courses', course());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    courseId = body.id;
    expect(body).toMatchObject({
      joint: true,
      hours: 24,
      status: 'open',
      manageable: true,
      organizer: { id: 'org-center' },
      coOrganizers: [{ id: 'court-sh74', name: expect.stringContaining('法院') }],
    });
    const listed = await api().get(who('mediator1').headers, '/api/training/courses');
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([courseId]);
    expect(listed.json().items[0]).toMatchObject({ mine: null, manageable: false });
    for (const name of ['mediator1', 'mediator2']) {
      const res = await api().post(who(name).headers, `/api/training/courses/${courseId}/enrollment`, {});
      expect(res.statusCode).toBe(200);
      expect(res.json().mine).toMatchObject({ userId: who(name).id, attendance: null });
      expect(res.json().enrollments).toEqual([]);
    }
    const again = await api().post(
      who('mediator1').headers,
      `/api/training/courses/${courseId}/enrollment`,
      {},
    );
    expect(again.json().enrolled).toBe(2);
    const full = await api().post(
      who('mediator3').headers,
      `/api/training/courses/${courseId}/enrollment`,
      {},
    );
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('TRAINING_COURSE_FULL');
    const outsider = await api().post(investor, `/api/training/courses/${courseId}/enrollment`, {});
    expect(outsider.statusCode).toBe(403);
    const detail = await api().get(admin, `/api/training/courses/${courseId}`);
    expect(
      detail
        .json()
        .enrollments.map((e: { userId: string }) => e.userId)
        .sort(),
    ).toEqual([who('mediator1').id, who('mediator2').id].sort());
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', courseId)
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'training.course.create',
      'training.enroll',
      'training.enroll',
    ]);
  });

  it('records attendance only once the course has begun, within its hours, for those enrolled', async () => {
    const url = `/api/training/courses/${courseId}/attendance`;
    const early = await send('PUT', admin, url, { marks: [{ userId: who('mediator1').id, attended: true }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('TRAINING_ATTENDANCE_INVALID');
    await setClock('2027-03-05T09:00:00');
    for (const marks of [
      [{ userId: who('mediator1').id, attended: true, hours: 24.5 }],
      [{ userId: who('mediator1').id, attended: true, hours: 0 }],
      [{ userId: who('mediator3').id, attended: true }],
    ]) {
      const res = await send('PUT', admin, url, { marks });
      expect(res.statusCode, JSON.stringify(marks)).toBe(400);
      expect(res.json().code).toBe('TRAINING_ATTENDANCE_INVALID');
    }
    expect((await send('PUT', who('mediator1').headers, url, { marks: [] })).statusCode).toBe(400);
    // The course has ended: too late to enroll or to withdraw.
    for (const [method, name] of [
      ['POST', 'mediator3'],
      ['DELETE', 'mediator2'],
    ] as const) {
      const late = await send(
        method,
        who(name).headers,
        `/api/training/courses/${courseId}/enrollment`,
        method === 'POST' ? {} : undefined,
      );
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('TRAINING_COURSE_CLOSED');
    }
    const ok = await send('PUT', admin, url, {
      marks: [
        { userId: who('mediator1').id, attended: true },
        { userId: who('mediator2').id, attended: true, hours: 12 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const hours = Object.fromEntries(
      ok.json().enrollments.map((e: { userId: string; hours: number }) => [e.userId, e.hours]),
    );
    expect(hours).toEqual({ [who('mediator1').id]: 24, [who('mediator2').id]: 12 });
  });

  it('completes the course: hours credited on its last day and a signed certificate each, verifiable publicly', async () => {
    const url = `/api/training/courses/${courseId}/status`;
    const stale = await send('POST', admin, url, { event: 'complete', expectedVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('TRAINING_COURSE_CHANGED');
    const done = await send('POST', admin, url, { event: 'complete', expectedVersion: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('completed');
    const rows = await t.deps.db
      .selectFrom('training_enrollments')
      .select(['user_id', 'credited_on', 'hours_x10'])
      .where('course_id', '=', courseId)
      .execute();
    expect(rows.every((r) => r.credited_on === '2027-03-04')).toBe(true);
    const again = await send('POST', admin, url, { event: 'cancel', expectedVersion: 2 });
    expect(again.json().code).toBe('TRAINING_COURSE_CLOSED');

    const mine = await api().get(who('mediator1').headers, `/api/training/courses/${courseId}`);
    const code = mine.json().mine.certificateCode as string;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const before = (await api().get({} as Headers, `/api/verify?code=${code}`)).json();
    expect(before).toMatchObject({
      kind: 'training-certificate',
      certificate: { valid: true, hours: '24', creditedOn: '2027-03-04', checks: { pdf: null } },
    });
    expect(before.certificate.traineeName).not.toBe('刘调解');
    expect(before.certificate.organizers).toEqual([
      expect.stringContaining('中证'),
      expect.stringContaining('法院'),
    ]);
    const pdf = await api().get(
      who('mediator1').headers,
      `/api/training/courses/${courseId}/certificate.pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const second = await api().get(
      who('mediator1').headers,
      `/api/training/courses/${courseId}/certificate.pdf`,
    );
    expect(second.rawPayload.equals(pdf.rawPayload)).toBe(true);
    // Drawn again from the signed content (as after a lost file), it is the very same PDF.
    await t.deps.db
      .updateTable('training_certificates')
      .set({ pdf_sha256: null, pdf_sm3: null })
      .where('verification_code', '=', code)
      .execute();
    const redrawn = await api().get(
      who('mediator1').headers,
      `/api/training/courses/${courseId}/certificate.pdf`,
    );
    expect(redrawn.rawPayload.equals(pdf.rawPayload)).toBe(true);
    const after = (await api().get({} as Headers, `/api/verify?code=${code.toLowerCase()}`)).json();
    expect(after.certificate).toMatchObject({
      valid: true,
      checks: { content: true, signature: true, pdf: true },
    });
    // Nobody else's certificate for a trainee, but the organizer may fetch any attendee's.
    expect(
      (
        await api().get(
          who('mediator2').headers,
          `/api/training/courses/${courseId}/certificate.pdf?userId=${who('mediator1').id}`,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api().get(
          admin,
          `/api/training/courses/${courseId}/certificate.pdf?userId=${who('mediator2').id}`,
        )
      ).statusCode,
    ).toBe(200);
    // A changed certificate no longer verifies.
    const stored = await t.deps.db
      .selectFrom('training_certificates')
      .select(['id', 'content'])
      .where('verification_code', '=', code)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('training_certificates')
      .set({ content: stored.content.replace('"hours":"24"', '"hours":"48"') })
      .where('id', '=', stored.id)
      .execute();
    const tampered = (await api().get({} as Headers, `/api/verify?code=${code}`)).json();
    expect(tampered.certificate).toMatchObject({ valid: false, checks: { content: false } });
  });

  it('counts hours made up this year against last year’s shortfall, flags in grace and suspends after it', async () => {
    const roster = async () =>
      Object.fromEntries(
        (await api().get(admin, '/api/training/roster'))
          .json()
          .items.map((e: { userId: string; standing: unknown }) => [e.userId, e.standing]),
      );
    const inGrace = await roster();
    expect(inGrace[who('mediator1').id]).toMatchObject({ status: 'met', previous: { missing: 0 } });
    expect(inGrace[who('mediator2').id]).toMatchObject({
      status: 'catching-up',
      assignable: true,
      graceEnds: '2027-03-31',
      previous: { year: 2026, required: 24, earned: 0, missing: 12 },
    });
    expect(inGrace[who('mediator3').id]).toMatchObject({ status: 'catching-up', previous: { missing: 24 } });

    const own = (await api().get(who('mediator2').headers, '/api/training/me')).json();
    expect(own.standing.status).toBe('catching-up');
    expect(own.record).toEqual([
      expect.objectContaining({
        courseId,
        hours: 12,
        creditedOn: '2027-03-04',
        certificateCode: expect.any(String),
      }),
    ]);

    await setClock('2027-04-01T09:00:00');
    const after = await roster();
    expect(after[who('mediator2').id]).toMatchObject({ status: 'suspended', assignable: false });
    expect(after[who('mediator1').id]).toMatchObject({ status: 'met' });
    const listed = (await api().get(admin, '/api/mediators')).json().items.map((m: { id: string }) => m.id);
    expect(listed).toContain(who('mediator1').id);
    expect(listed).not.toContain(who('mediator2').id);
    expect(listed).not.toContain(who('mediator3').id);

    const actors = await journeyActors(t);
    const accepted = await caseIn(t, actors, 'accepted');
    const refused = await api().post(admin, `/api/cases/${accepted.id}/assign-mediator`, {
      expectedVersion: accepted.version,
      mediatorId: who('mediator2').id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TRAINING_HOURS_SHORT' });
    expect(refused.json().message).toContain('12');
    const assigned = await api().post(admin, `/api/cases/${accepted.id}/assign-mediator`, {
      expectedVersion: accepted.version,
      mediatorId: who('mediator1').id,
    });
    expect(assigned.statusCode).toBe(200);
  });

  it('lets the system administrator set this year’s or next year’s requirement, never a past one', async () => {
    const url = '/api/training/requirements';
    const set = await send('PUT', sysadmin, url, { role: 'mediator', year: 2027, hours: 30, graceDays: 60 });
    expect(set.statusCode).toBe(200);
    expect(set.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'mediator', year: 2027, hours: 30, graceDays: 60 }),
        expect.objectContaining({ role: 'mediator', year: 2024, hours: 24, graceDays: 90 }),
      ]),
    );
    for (const bad of [
      { role: 'mediator', year: 2026, hours: 30, graceDays: 60 },
      { role: 'mediator', year: 2027, hours: 12.3, graceDays: 60 },
      { role: 'mediator', year: 2027, hours: 12, graceDays: 200 },
      { role: 'judge', year: 2027, hours: 12, graceDays: 30 },
    ]) {
      const res = await send('PUT', sysadmin, url, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('TRAINING_REQUIREMENT_INVALID');
    }
    expect(
      (await send('PUT', admin, url, { role: 'mediator', year: 2027, hours: 1, graceDays: 1 })).statusCode,
    ).toBe(403);
    // Last year's standing is still decided by last year's 24 hours.
    const roster = (await api().get(admin, '/api/training/roster')).json().items;
    const m2 = roster.find((e: { userId: string }) => e.userId === who('mediator2').id);
    expect(m2.standing).toMatchObject({ previous: { required: 24, missing: 12 }, current: { required: 30 } });
  });

  it('reports training per organization for a year, equal to a direct count', async () => {
    const stats = await api().get(admin, '/api/training/statistics?year=2027');
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    const trainees = await t.deps.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.id', 'user_roles.role'])
      .where('user_roles.role', 'in', ['mediator', 'org_admin'])
      .where('users.disabled', '=', false)
      .where((eb) =>
        eb.or([eb('organizations.id', '=', 'org-center'), eb('organizations.parent_id', '=', 'org-center')]),
      )
      .execute();
    const people = new Set(trainees.map((r) => r.id));
    const admins = new Set(trainees.filter((r) => r.role === 'org_admin').map((r) => r.id));
    expect(body.total).toEqual({
      courses: 1,
      jointCourses: 1,
      trained: 2,
      hours: 36,
      trainees: people.size,
      // Nobody reached 2027's 30 mediator hours yet; administrators have no requirement.
      metRequirement: [...people].filter(
        (id) => admins.has(id) && !trainees.some((r) => r.id === id && r.role === 'mediator'),
      ).length,
    });
    const center = body.rows.find((r: { organizationId: string }) => r.organizationId === 'org-center');
    expect(center).toMatchObject({ courses: 1, jointCourses: 1 });
    expect((await api().get(regulator, '/api/training/statistics?year=2027')).json().total.courses).toBe(1);
    const future = await api().get(admin, '/api/training/statistics?year=2030');
    expect(future.statusCode).toBe(400);
    expect((await api().get(who('mediator1').headers, '/api/training/statistics?year=2027')).statusCode).toBe(
      403,
    );
  });
});

describe.each(ENGINES)('joint training on the court platform (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, 'court');
  });
  afterAll(() => t.close());

  it('a court administrator runs a course with the center for judges, who enroll (mediators’ roles refused), and a judge’s certificate verifies publicly on the court platform', async () => {
    const api = caseClient(t);
    const [courtAdmin, judge, filing] = await Promise.all([
      t.login('shgy_admin'),
      t.login('sh74_judge'),
      t.login('sh74_filing'),
    ]);
    const start = new Date(t.clock.now.getTime() + 86_400_000);
    const body = course({
      coOrganizerIds: ['org-center'],
      audience: ['judge'],
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      hours: 3,
      capacity: null,
    });
    expect(
      (await api.post(courtAdmin, '/api/training/courses', { ...body, audience: ['mediator'] })).statusCode,
    ).toBe(400);
    const created = await api.post(courtAdmin, '/api/training/courses', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().coOrganizers[0].name).toContain('中证');
    const enrolled = await api.post(judge, `/api/training/courses/${created.json().id}/enrollment`, {});
    expect(enrolled.statusCode).toBe(200);
    const refused = await api.post(filing, `/api/training/courses/${created.json().id}/enrollment`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('TRAINING_NOT_ELIGIBLE');
    const standing = (await api.get(judge, '/api/training/me')).json();
    expect(standing.role).toBe('judge');

    // After the course: attendance, completion, and the judge's certificate, checked publicly on the court platform.
    const courseId = created.json().id as string;
    t.clock.now = new Date(start.getTime() + 4 * 3_600_000);
    const [admin, judgeAgain] = await Promise.all([t.login('shgy_admin'), t.login('sh74_judge')]);
    const judgeId = (await api.get(judgeAgain, '/api/me')).json().user.id as string;
    const marked = await t.app.inject({
      method: 'PUT',
      url: `/api/training/courses/${courseId}/attendance`,
      headers: admin,
      payload: { marks: [{ userId: judgeId, attended: true }] },
    });
    expect(marked.statusCode).toBe(200);
    const done = await api.post(admin, `/api/training/courses/${courseId}/status`, {
      event: 'complete',
      expectedVersion: 1,
    });
    expect(done.statusCode).toBe(200);
    const code = (await api.get(judgeAgain, `/api/training/courses/${courseId}`)).json().mine
      .certificateCode as string;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const verified = (await api.get({} as Headers, `/api/verify?code=${code}`)).json();
    expect(verified).toMatchObject({
      kind: 'training-certificate',
      certificate: { valid: true, hours: '3' },
    });
    const pdf = await t.app.inject({
      url: `/api/training/courses/${courseId}/certificate.pdf`,
      headers: judgeAgain,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
