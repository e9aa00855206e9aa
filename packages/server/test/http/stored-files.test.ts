import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryFileStore } from '../../src/adapters/storage/memory-file-store.ts';
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

const flipLastByte = (bytes: Buffer) => {
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 1;
  return damaged;
};

describe.each(ENGINES)('stored files lost or damaged on %s', (engine) => {
  let t: TestApp;
  let m: MediatingCase;
  const store = createMemoryFileStore();
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Files kept in memory, so the test can lose or damage one the way a failing disk would.
    t.deps.storage = store;
    m = await seedCaseInMediation(t);
  });
  afterAll(async () => t?.close());

  it('an evidence download never delivers a damaged file whole, and a lost one is 503', async () => {
    const api = caseClient(t);
    const uploaded = (await api.upload(m.investor, 'scan.pdf', PDF_BYTES)).json();
    const ok = await api.get(m.investor, `/api/uploads/${uploaded.id}`);
    expect(ok.rawPayload.equals(PDF_BYTES)).toBe(true);

    store.files.set(uploaded.sha256, flipLastByte(PDF_BYTES));
    // The hash is checked before the last bytes go out: the download fails instead of handing over damaged bytes.
    const damaged = await api.get(m.investor, `/api/uploads/${uploaded.id}`, 'en');
    expect(damaged.statusCode).toBe(500);
    expect(damaged.json().code).toBe('INTERNAL');
    expect(damaged.headers['content-disposition']).toBeUndefined();

    store.files.delete(uploaded.sha256);
    const lost = await api.get(m.investor, `/api/uploads/${uploaded.id}`, 'en');
    expect(lost.statusCode).toBe(503);
    expect(lost.json().code).toBe('SERVICE_UNAVAILABLE');
  });

  it("a sealed agreement's PDF is rendered again when its stored copy is damaged or lost, and put back", async () => {
    let c: CaseState = await fireOk(t, m.mediator, m.case, 'draft-agreement', {
      amountFen: 1_000_000,
      paymentTerms: '银行转账',
      dueDate: '2027-03-31',
    });
    for (const party of [m.investor, m.respondent, m.mediator]) {
      c = await fireOk(t, party, c, 'sign-agreement', { password: DEMO_PASSWORD });
    }
    c = await fireOk(t, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
    const { pdf_sha256: sha256 } = await t.deps.db
      .selectFrom('agreements')
      .select('pdf_sha256')
      .where('case_id', '=', c.id)
      .where('status', '=', 'effective')
      .executeTakeFirstOrThrow();
    const original = await store.getBytes(sha256!);
    expect(original?.subarray(0, 5).toString()).toBe('%PDF-');
    const download = () => caseClient(t).get(m.investor, `/api/cases/${c.id}/agreement.pdf`);

    store.files.set(sha256!, flipLastByte(original!));
    const afterDamage = await download();
    expect(afterDamage.statusCode).toBe(200);
    expect(afterDamage.rawPayload.equals(original!)).toBe(true);
    expect((await store.getBytes(sha256!))?.equals(original!)).toBe(true);

    store.files.delete(sha256!);
    expect((await download()).rawPayload.equals(original!)).toBe(true);
    expect(await store.has(sha256!)).toBe(true);
  });
});
