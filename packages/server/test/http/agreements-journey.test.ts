import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import { caseClient, PDF_BYTES } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import {
  type CaseState,
  fireOk,
  type MediatingCase,
  seedCaseInMediation,
} from '../support/seed-case-in-mediation.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const TERMS = { amountFen: 3_200_000, paymentTerms: '银行转账至申请人指定账户', dueDate: '2027-06-30' };

interface AgreementBlock {
  id: string;
  status: string;
  amountFen: number;
  text: string;
  digestSm3: string;
  signatures: { role: string; signedAt: string | null }[];
  sealedAt: string | null;
  verificationCode: string | null;
  paidFen: number;
  payments: { amountFen: number; proofUploadId: string | null }[];
}
type Detail = CaseState & {
  agreement: AgreementBlock | null;
  abilities: string[];
  evidence: { id: string }[];
};

describe.each(ENGINES)('agreement journey on %s', (engine) => {
  let t: TestApp;
  let m: MediatingCase;
  let c: Detail;
  const dir = mkdtempSync(join(tmpdir(), 'sutiao-agreement-'));
  beforeAll(async () => {
    t = await createTestApp(engine);
    m = await seedCaseInMediation(t);
    c = m.case as Detail;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('the mediator drafts the agreement from the template; the case awaits signatures', async () => {
    c = await fireOk<Detail>(t, m.mediator, c, 'draft-agreement', TERMS);
    expect(c.status).toBe('agreement_pending');
    const a = c.agreement!;
    expect(a).toMatchObject({
      status: 'draft',
      amountFen: 3_200_000,
      sealedAt: null,
      verificationCode: null,
    });
    expect(a.text).toContain(c.caseNumber!);
    expect(a.text).toContain('华信证券股份有限公司');
    expect(a.text).toContain('¥32,000.00');
    expect(a.digestSm3).toMatch(/^[0-9a-f]{64}$/);
    expect(a.signatures.map((s) => [s.role, s.signedAt])).toEqual([
      ['investor', null],
      ['respondent', null],
      ['mediator', null],
    ]);
  });

  it('a redraft before anyone signs replaces the draft', async () => {
    const first = c.agreement!;
    c = await fireOk<Detail>(t, m.mediator, c, 'draft-agreement', { ...TERMS, paymentTerms: '银行转账' });
    expect(c.agreement!.id).not.toBe(first.id);
    c = await fireOk<Detail>(t, m.mediator, c, 'draft-agreement', TERMS);
    const rows = await t.deps.db
      .selectFrom('agreements')
      .select('status')
      .where('case_id', '=', c.id)
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['draft', 'superseded', 'superseded']);
  });

  it('investor, respondent and mediator each sign with their password', async () => {
    for (const who of [m.investor, m.respondent, m.mediator]) {
      c = await fireOk<Detail>(t, who, c, 'sign-agreement', { password: DEMO_PASSWORD });
    }
    expect(c.status).toBe('agreement_pending');
    expect(c.agreement!.status).toBe('signing');
    expect(c.agreement!.signatures.every((s) => s.signedAt !== null)).toBe(true);
    const keys = await t.deps.db
      .selectFrom('user_signing_keys')
      .select(['private_key_enc', 'public_key_pem'])
      .execute();
    expect(keys).toHaveLength(3);
    for (const key of keys) {
      expect(key.private_key_enc).toMatch(/^v1:/); // SM4-GCM, never the PEM in clear
      expect(key.private_key_enc).not.toContain('PRIVATE KEY');
    }
  });

  it('openssl verifies a party signature over the digest with the stored public key', async () => {
    const signature = await t.deps.db
      .selectFrom('agreement_signatures')
      .select(['public_key_pem', 'signature'])
      .where('agreement_id', '=', c.agreement!.id)
      .where('party', '=', 'investor')
      .executeTakeFirstOrThrow();
    writeFileSync(join(dir, 'pub.pem'), signature.public_key_pem);
    writeFileSync(join(dir, 'data'), c.agreement!.digestSm3);
    writeFileSync(join(dir, 'sig.der'), Buffer.from(signature.signature, 'hex'));
    const out = execFileSync(
      'openssl',
      [
        'dgst',
        '-sm3',
        '-verify',
        'pub.pem',
        '-sigopt',
        'distid:1234567812345678',
        '-signature',
        'sig.der',
        'data',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out).toContain('Verified OK');
  });

  it('the organization seals: effective, verification code, PDF, everyone told', async () => {
    c = await fireOk<Detail>(t, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
    expect(c.status).toBe('agreement_effective');
    const a = c.agreement!;
    expect(a.status).toBe('effective');
    expect(a.verificationCode).toMatch(/^[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}$/);
    expect(a.sealedAt).not.toBeNull();
    expect(c.abilities).not.toContain('sign-agreement');

    const inbox = await t.app.inject({ url: '/api/notices', headers: m.mediator });
    const items = inbox.json<{ items: { kind: string; body: string }[] }>().items;
    expect(items.some((i) => i.kind === 'agreement.effective' && i.body.includes(a.verificationCode!))).toBe(
      true,
    );
    expect(
      t.notifications.sent.some(
        (n) => n.to === 'investor1@example.cn' && n.body.includes(a.verificationCode!),
      ),
    ).toBe(true);
  });

  it('participants download the PDF: 调解协议书, the case number and the verification code', async () => {
    const res = await t.app.inject({ url: `/api/cases/${c.id}/agreement.pdf`, headers: m.respondent });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="agreement-[0-9A-Z-]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe(`调解协议书-${c.caseNumber}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(dir, 'agreement.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'agreement.pdf', '-'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('调解协议书');
    expect(compact).toContain(c.caseNumber!.replace(/\s+/g, ''));
    expect(compact).toContain(c.agreement!.verificationCode!);
    const stored = await t.deps.db
      .selectFrom('agreements')
      .select('pdf_sha256')
      .where('id', '=', c.agreement!.id)
      .executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(stored.pdf_sha256);
  });

  it('anyone verifies the code without signing in; names are masked', async () => {
    const code = c.agreement!.verificationCode!;
    const res = await t.app.inject({ url: `/api/verify/${code.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      valid: true,
      caseNumber: c.caseNumber,
      organizationName: '中证资本市场法律服务中心',
      digestSm3: c.agreement!.digestSm3,
      seal: { valid: true, algorithm: 'SM2', keyId: t.deps.keys.signer.keyId },
    });
    expect(body.signatures).toEqual([
      expect.objectContaining({ role: 'investor', name: '张*', valid: true }),
      expect.objectContaining({ role: 'respondent', name: '华信证券股份有限公司', valid: true }),
      expect.objectContaining({ role: 'mediator', name: '刘**', valid: true }),
    ]);
    const unknown = await t.app.inject({
      url: '/api/verify/AAAA-AAAA-AAAA',
      headers: { 'accept-language': 'en' },
    });
    const malformed = await t.app.inject({ url: '/api/verify/x', headers: { 'accept-language': 'en' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(malformed.json());
    expect(unknown.json().code).toBe('VERIFY_NOT_FOUND');
  });

  it('a partial payment keeps the agreement effective; paying the rest makes the case performed', async () => {
    const upload = await caseClient(t).upload(m.respondent, '转账回单.pdf', PDF_BYTES);
    expect(upload.statusCode, upload.body).toBe(200);
    const proofUploadId = upload.json<{ id: string }>().id;
    c = await fireOk<Detail>(t, m.respondent, c, 'record-payment', {
      amountFen: 1_200_000,
      paidAt: '2026-01-05',
      proofUploadId,
    });
    expect(c.status).toBe('agreement_effective');
    expect(c.agreement!.paidFen).toBe(1_200_000);
    expect(c.agreement!.payments).toEqual([expect.objectContaining({ amountFen: 1_200_000, proofUploadId })]);
    // The proof joins the case's evidence, so every participant can open it.
    expect(c.evidence.map((e) => e.id)).toContain(proofUploadId);
    const over = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/record-payment`,
      headers: m.respondent,
      payload: { amountFen: 2_000_001, paidAt: '2026-01-06', expectedVersion: c.version },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('GUARD_FAILED');
    c = await fireOk<Detail>(t, m.investor, c, 'record-payment', {
      amountFen: 2_000_000,
      paidAt: '2026-01-06',
    });
    expect(c.status).toBe('performed');
    expect(c.agreement!.paidFen).toBe(3_200_000);
  });

  it('audited every step, and the audit chain verifies', async () => {
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', c.id)
      .orderBy('seq')
      .execute();
    const names = actions.map((a) => a.action);
    for (const action of ['draft-agreement', 'sign-agreement', 'seal-agreement', 'record-payment']) {
      expect(names).toContain(`case.${action}`);
    }
    expect(names.filter((n) => n === 'case.sign-agreement')).toHaveLength(3);
    expect(names.filter((n) => n === 'case.record-payment')).toHaveLength(2);
    const seal = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.seal-agreement')
      .executeTakeFirstOrThrow();
    expect(seal.details).toMatchObject({ verificationCode: c.agreement!.verificationCode });
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });
});
