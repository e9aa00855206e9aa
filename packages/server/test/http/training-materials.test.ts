import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClient, type Headers, multipart, PDF_BYTES, PNG_BYTES } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const course = {
  title: '证券纠纷调解员岗前培训',
  mode: 'online',
  location: '线上（平台直播）',
  startsAt: '2027-03-02T09:00:00+08:00',
  endsAt: '2027-03-02T17:00:00+08:00',
  hours: 6,
  audience: ['mediator'],
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(ENGINES)('course materials (%s)', (engine) => {
  let t: TestApp;
  let admin: Headers;
  let sysadmin: Headers;
  let regulator: Headers;
  let enrolled: Headers;
  let notEnrolled: Headers;
  let investor: Headers;
  let courseId = '';
  const api = () => caseClient(t);
  const upload = (who: Headers, name: string, data: Buffer, query = '', mime?: string) => {
    const form = multipart(name, data, mime);
    return t.app.inject({
      method: 'POST',
      url: `/api/training/courses/${courseId}/materials${query}`,
      headers: { ...who, 'content-type': form.contentType, 'accept-language': 'en' },
      payload: form.payload,
    });
  };
  const detail = async (who: Headers) => (await api().get(who, `/api/training/courses/${courseId}`)).json();

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.now = new Date('2027-03-01T10:00:00+08:00');
    const names = [
      'center_admin',
      'm_sysadmin',
      'regulator1',
      'mediator1',
      'mediator2',
      'investor1',
    ] as const;
    [admin, sysadmin, regulator, enrolled, notEnrolled, investor] = (await Promise.all(
      names.map((u) => t.login(u)),
    )) as [Headers, Headers, Headers, Headers, Headers, Headers];
    const created = await api().post(admin, '/api/training/courses', course);
    expect(created.statusCode, created.body).toBe(201);
    courseId = created.json().id;
    const joined = await api().post(enrolled, `/api/training/courses/${courseId}/enrollment`, {});
    expect(joined.statusCode, joined.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('the organizer attaches files; everyone who sees the course sees the list, its trainees download them', async () => {
    const slides = Buffer.concat([PDF_BYTES, Buffer.from('讲义 第一讲')]);
    const added = await upload(admin, '第一讲 虚假陈述损失计算.pdf', slides);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      title: '第一讲 虚假陈述损失计算',
      fileName: '第一讲 虚假陈述损失计算.pdf',
      mime: 'application/pdf',
      size: slides.length,
      sha256: sha256(slides),
      available: true,
    });
    const titled = await upload(admin, 'chart.png', PNG_BYTES, `?title=${encodeURIComponent('案例图表')}`);
    expect(titled.statusCode, titled.body).toBe(201);
    expect(titled.json()).toMatchObject({ title: '案例图表', mime: 'image/png' });

    const seen = await detail(notEnrolled);
    expect(seen.materials.map((m: { title: string }) => m.title)).toEqual([
      '第一讲 虚假陈述损失计算',
      '案例图表',
    ]);
    expect(seen.materials.every((m: { available: boolean }) => !m.available)).toBe(true);
    const mine = await detail(enrolled);
    expect(mine.materials.every((m: { available: boolean }) => m.available)).toBe(true);

    const url = `/api/training/courses/${courseId}/materials/${added.json().id}`;
    for (const reader of [enrolled, admin, regulator]) {
      const got = await api().get(reader, url);
      expect(got.statusCode, got.body).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toContain(encodeURIComponent('第一讲'));
      expect(sha256(got.rawPayload)).toBe(sha256(slides));
    }
    const refused = await api().get(notEnrolled, url, 'en');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'TRAINING_NOT_ENROLLED' });
    expect(refused.json().message).toMatch(/enroll/i);
    // The investor does not see the course at all.
    expect((await api().get(investor, url)).statusCode).toBe(404);
    expect((await api().get(investor, `/api/training/courses/${courseId}`)).statusCode).toBe(404);

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', courseId)
      .where('action', '=', 'training.material.add')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => (a.details as { sha256: string }).sha256)).toEqual([
      sha256(slides),
      sha256(PNG_BYTES),
    ]);
  });

  it('refuses files from anyone but the organizer, and files of another type, empty or too large', async () => {
    for (const who of [sysadmin, enrolled, regulator]) {
      expect((await upload(who, 'x.pdf', PDF_BYTES)).statusCode).toBe(403);
    }
    const exe = await upload(admin, 'slides.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const empty = await upload(admin, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = await upload(admin, 'big.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('UPLOAD_TOO_LARGE');
    const longTitle = await upload(admin, 'a.pdf', PDF_BYTES, `?title=${'题'.repeat(201)}`);
    expect(longTitle.statusCode).toBe(400);
    const noFile = await t.app.inject({
      method: 'POST',
      url: `/api/training/courses/${courseId}/materials`,
      headers: { ...admin, 'content-type': 'application/json' },
      payload: {},
    });
    expect(noFile.statusCode).toBe(400);
    // Nothing of these was kept.
    expect((await detail(admin)).materials).toHaveLength(2);
  });

  it('the organizer withdraws a file: no longer listed nor downloadable, the record kept and audited', async () => {
    const [first] = (await detail(admin)).materials as Array<{ id: string }>;
    const url = `/api/training/courses/${courseId}/materials/${first?.id}`;
    const byOther = await t.app.inject({ method: 'DELETE', url, headers: enrolled });
    expect(byOther.statusCode).toBe(403);
    const removed = await t.app.inject({ method: 'DELETE', url, headers: admin });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().materials.map((m: { id: string }) => m.id)).not.toContain(first?.id);
    expect((await api().get(enrolled, url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin })).statusCode).toBe(404);
    const kept = await t.deps.db
      .selectFrom('training_materials')
      .select(['removed_at', 'removed_by'])
      .where('id', '=', first?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(kept.removed_at).not.toBeNull();
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'training.material.remove')
      .where('target_id', '=', courseId)
      .execute();
    expect(audit.map((a) => (a.details as { materialId: string }).materialId)).toEqual([first?.id]);
  });

  it('takes no file for a cancelled course', async () => {
    const other = await api().post(admin, '/api/training/courses', { ...course, title: '已取消的课程' });
    const cancelled = await api().post(admin, `/api/training/courses/${other.json().id}/status`, {
      event: 'cancel',
      expectedVersion: other.json().version,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const form = multipart('a.pdf', PDF_BYTES);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/training/courses/${other.json().id}/materials`,
      headers: { ...admin, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TRAINING_COURSE_CLOSED');
  });
});
