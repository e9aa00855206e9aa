import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import {
  caseClient,
  caseIn,
  type Headers,
  journeyActors,
  type JourneyActors,
} from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const MINUTE = 60_000;

/** The text of a PDF, whitespace removed (pdftotext from poppler-utils). */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sutiao-record-'));
  try {
    const file = join(dir, 'record.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(ENGINES)('the record (笔录) of an audio/video session (%s)', (engine) => {
  let t: TestApp;
  let actors: JourneyActors;
  let stranger: Headers;
  let caseId: string;
  let sessionId: string;
  const api = () => caseClient(t);
  const record = () => `/api/cases/${caseId}/sessions/${sessionId}/record`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    actors = await journeyActors(t);
    stranger = await t.login('investor2');
    caseId = (await caseIn(t, actors, 'mediating')).id;
    const made = await api().post(actors.mediator, `/api/cases/${caseId}/sessions`, {
      scheduledAt: new Date(t.clock.now.getTime() + 5 * MINUTE).toISOString(),
      expectedMinutes: 60,
    });
    sessionId = made.json().id;
    const opened = await api().post(actors.mediator, `/api/cases/${caseId}/sessions/${sessionId}/open`, {
      expectedVersion: 1,
    });
    expect(opened.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('is drafted by the mediator, fixed after the session, signed by each side and sealed with a verifiable PDF', async () => {
    // Drafts while the session runs: the mediator only, compare-and-set on the revision.
    const first = await api().post(actors.mediator, `${record()}/draft`, {
      body: '调解员：请申请人陈述。',
      revision: 0,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'draft', revision: 1, canEdit: true, canFinalize: false });
    const stale = await api().post(actors.mediator, `${record()}/draft`, { body: '覆盖', revision: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CASE_STATE_CONFLICT');
    expect(
      (await api().post(actors.investor, `${record()}/draft`, { body: 'x', revision: 1 })).statusCode,
    ).toBe(403);
    expect((await api().get(stranger, record())).statusCode).toBe(404);
    const text = '调解员：请申请人陈述。\n申请人：要求赔偿三万五千元。\n被申请人：同意赔偿三万元。';
    const second = await api().post(actors.mediator, `${record()}/draft`, { body: text, revision: 1 });
    expect(second.json().revision).toBe(2);
    // What was typed is kept server-side: a reload reads it back.
    expect((await api().get(actors.investor, record())).json()).toMatchObject({ body: text, canSign: false });

    const early = await api().post(actors.mediator, `${record()}/finalize`, { revision: 2 });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('SESSION_INVALID');
    const session = (await api().get(actors.mediator, `/api/cases/${caseId}/sessions`)).json()[0];
    const ended = await api().post(actors.mediator, `/api/cases/${caseId}/sessions/${sessionId}/end`, {
      expectedVersion: session.version,
    });
    expect(ended.json().state).toBe('ended');
    const fixed = await api().post(actors.mediator, `${record()}/finalize`, { revision: 2 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({
      status: 'signing',
      canEdit: false,
      missing: ['mediator', 'investor', 'respondent'],
    });
    expect(fixed.json().digestSm3).toMatch(/^[0-9a-f]{64}$/);
    const afterFix = await api().post(actors.mediator, `${record()}/draft`, { body: '改', revision: 2 });
    expect(afterFix.statusCode).toBe(409);
    expect(afterFix.json().code).toBe('CASE_STATE_CONFLICT');

    // Each signs once, with their password.
    const wrong = await api().post(actors.investor, `${record()}/sign`, { password: 'not-my-password' });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    expect(wrong.json().code).toBe('PASSWORD_INCORRECT');
    expect((await api().post(actors.admin, `${record()}/sign`, { password: DEMO_PASSWORD })).statusCode).toBe(
      403,
    );
    const investorSigned = await api().post(actors.investor, `${record()}/sign`, { password: DEMO_PASSWORD });
    expect(investorSigned.statusCode, investorSigned.body).toBe(200);
    expect(investorSigned.json()).toMatchObject({
      status: 'signing',
      canSign: false,
      missing: ['mediator', 'respondent'],
    });
    expect(
      (await api().post(actors.investor, `${record()}/sign`, { password: DEMO_PASSWORD })).statusCode,
    ).toBe(409);
    await api().post(actors.firm, `${record()}/sign`, { password: DEMO_PASSWORD });
    expect((await api().get(actors.investor, `${record()}.pdf`)).statusCode).toBe(404);
    const sealed = await api().post(actors.mediator, `${record()}/sign`, { password: DEMO_PASSWORD });
    expect(sealed.json()).toMatchObject({ status: 'sealed', missing: [] });
    const code = sealed.json().verificationCode as string;
    expect(code).toBeTruthy();
    expect(sealed.json().signatures).toHaveLength(3);

    const pdf = await api().get(actors.firm, `${record()}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const printed = pdfText(pdf.rawPayload);
    expect(printed).toContain('调解笔录');
    expect(printed).toContain('要求赔偿三万五千元');
    expect(printed).toContain(code.replace(/\s+/g, ''));

    const verified = await t.app.inject({ url: `/api/verify?code=${encodeURIComponent(code)}` });
    expect(verified.statusCode).toBe(200);
    const v = verified.json();
    expect(v.kind).toBe('session-record');
    expect(v.record).toMatchObject({
      valid: true,
      checks: { content: true, signatures: true, seal: true, pdf: true },
    });
    expect(v.record.signers).toHaveLength(3);
    // Names are masked on the public page: none of the signers' names appears whole.
    const names = sealed.json().signatures.map((x: { name: string }) => x.name) as string[];
    expect(names).toHaveLength(3);
    for (const name of names) expect(JSON.stringify(v.record), name).not.toContain(name);
    expect(v.record.signers.every((x: { name: string }) => x.name.includes('*'))).toBe(true);

    // A record changed in the database after sealing no longer verifies.
    const row = await t.deps.db
      .selectFrom('session_records')
      .select('content')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('session_records')
      .set({ content: (row.content ?? '').replace('三万元', '三千元') })
      .where('session_id', '=', sessionId)
      .execute();
    const tampered = (await t.app.inject({ url: `/api/verify?code=${encodeURIComponent(code)}` })).json();
    expect(tampered.record.valid).toBe(false);
    expect(tampered.record.checks.content).toBe(false);
    expect(tampered.record.checks.signatures).toBe(false);

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', sessionId)
      .execute();
    const actions = audited.map((a) => a.action);
    for (const a of ['session.record.draft', 'session.record.finalize', 'session.record.sign'])
      expect(actions, a).toContain(a);
    const asked = await t.deps.db
      .selectFrom('user_notices')
      .select('kind')
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['session.record.sign', 'session.record.sealed'])
      .execute();
    expect(asked.filter((n) => n.kind === 'session.record.sign')).toHaveLength(2);
    expect(asked.filter((n) => n.kind === 'session.record.sealed')).toHaveLength(3);
  });
});
