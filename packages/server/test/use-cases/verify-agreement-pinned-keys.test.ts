import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformKeys, readRetiredSigningKeys } from '../../src/adapters/crypto/keys.ts';
import { generateSigner } from '../../src/adapters/crypto/signer.ts';
import { sealEnvelope } from '../../src/adapters/signing/signed-envelope.ts';
import type { Deps } from '../../src/deps.ts';
import { DEMO_PASSWORD } from '../../src/platform/seed/demo-users.ts';
import {
  agreementContent,
  agreementDigest,
  sealContent,
} from '../../src/use-cases/mediation/agreements/agreement-content.ts';
import { loadSignatures } from '../../src/use-cases/mediation/agreements/load-agreement.ts';
import { verifyAgreement } from '../../src/use-cases/mediation/agreements/verify-agreement.ts';
import { ENGINES } from '../support/test-databases.ts';
import { fireOk, seedCaseInMediation } from '../support/seed-case-in-mediation.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

const TERMS = { amountFen: 3_200_000, paymentTerms: '银行转账至申请人指定账户', dueDate: '2027-06-30' };

describe.each(ENGINES)('public agreement verification against pinned keys on %s', (engine) => {
  let t: TestApp;
  let code: string;
  let agreementId: string;
  let sealedAt: Date;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const m = await seedCaseInMediation(t);
    let c = await fireOk(t, m.mediator, m.case, 'draft-agreement', TERMS);
    for (const who of [m.investor, m.respondent, m.mediator]) {
      c = await fireOk(t, who, c, 'sign-agreement', { password: DEMO_PASSWORD });
    }
    c = await fireOk(t, m.admin, c, 'seal-agreement', { password: DEMO_PASSWORD });
    const row = await t.deps.db
      .selectFrom('agreements')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('status', '=', 'effective')
      .executeTakeFirstOrThrow();
    code = row.verification_code!;
    agreementId = row.id;
    sealedAt = new Date(row.sealed_at!);
  });
  afterAll(async () => t?.close());

  /** The same deployment after a key rotation: a new signing key, the old one retired at `retiredAt`. */
  const rotated = (retiredAt: Date): Deps => ({
    ...t.deps,
    keys: {
      ...t.deps.keys,
      signer: generateSigner('SM2'),
      retiredSigningKeys: [
        {
          algorithm: t.deps.keys.signer.algorithm,
          publicKeyPem: t.deps.keys.signer.publicKeyPem,
          validFrom: null,
          validUntil: retiredAt.toISOString(),
        },
      ],
    },
  });

  it('verifies the sealed agreement as issued', async () => {
    expect(await verifyAgreement(t.deps, code)).toMatchObject({ valid: true, seal: { valid: true } });
  });

  it('keeps an agreement sealed before a key rotation verifiable, and only within the old key’s period', async () => {
    const later = new Date(sealedAt.getTime() + 60_000);
    expect(await verifyAgreement(rotated(later), code)).toMatchObject({ valid: true, seal: { valid: true } });
    // A key retired before the seal is dated vouches for nothing sealed after: a stolen retired key can't backdate.
    const earlier = new Date(sealedAt.getTime() - 60_000);
    expect(await verifyAgreement(rotated(earlier), code)).toMatchObject({
      valid: false,
      seal: { valid: false },
    });
  });

  it('finds a changed agreement re-signed and re-sealed with foreign keys invalid, though every stored key matches', async () => {
    const row = await t.deps.db
      .selectFrom('agreements')
      .selectAll()
      .where('id', '=', agreementId)
      .executeTakeFirstOrThrow();
    // Someone with write access to the database: a new amount, a new digest, every signature made again with keys
    // of their own, and those keys written wherever the database keeps keys.
    const changed = { ...row, amount_fen: 320_000_000, text: row.text.replace('32,000.00', '3,200,000.00') };
    const digestSm3 = agreementDigest(changed);
    const signatures = await loadSignatures(t.deps.db, agreementId);
    const forged = signatures.map((s) => {
      const foreign = generateSigner('SM2');
      const envelope = sealEnvelope('agreement', agreementContent(changed), foreign);
      return { s, foreign, envelope };
    });
    const foreignPlatform = generateSigner('SM2');
    const seal = sealEnvelope(
      'agreement-seal',
      sealContent({
        digestSm3,
        sealedAt,
        signatures: forged.map(({ s, envelope }) => ({
          party: s.party,
          key_id: envelope.keyId,
          signature: envelope.signature,
        })),
      }),
      foreignPlatform,
      { verificationCode: code },
    );
    await t.deps.db
      .updateTable('agreements')
      .set({
        amount_fen: changed.amount_fen,
        text: changed.text,
        digest_sm3: digestSm3,
        seal_signature: seal.signature,
        seal_key_id: seal.keyId,
        seal_public_key_pem: foreignPlatform.publicKeyPem,
      })
      .where('id', '=', agreementId)
      .execute();
    for (const { s, foreign, envelope } of forged) {
      await t.deps.db
        .updateTable('agreement_signatures')
        .set({ key_id: envelope.keyId, public_key_pem: foreign.publicKeyPem, signature: envelope.signature })
        .where('agreement_id', '=', agreementId)
        .where('party', '=', s.party)
        .execute();
      await t.deps.db
        .updateTable('user_signing_keys')
        .set({ key_id: foreign.keyId, public_key_pem: foreign.publicKeyPem })
        .where('user_id', '=', s.user_id)
        .execute();
    }

    const verdict = await verifyAgreement(t.deps, code);
    expect(verdict.digestSm3).toBe(digestSm3);
    expect(verdict.seal.valid).toBe(false);
    expect(verdict.valid).toBe(false);
  });
});

describe('the pinned keys of a deployment', () => {
  it('reads retired signing keys from the keys folder, and refuses a malformed list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sutiao-keys-'));
    const old = generateSigner('SM2');
    const entry = {
      algorithm: 'SM2',
      publicKeyPem: old.publicKeyPem,
      validFrom: null,
      validUntil: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(join(dir, 'retired-signing-keys.json'), JSON.stringify([entry]));
    expect((await loadPlatformKeys({ dir })).retiredSigningKeys).toEqual([entry]);
    expect(
      (await loadPlatformKeys({ dir: await mkdtemp(join(tmpdir(), 'sutiao-keys-')) })).retiredSigningKeys,
    ).toEqual([]);
    for (const bad of ['{}', '[{"algorithm":"SM2"}]', JSON.stringify([{ ...entry, validUntil: 'soon' }])]) {
      expect(() => readRetiredSigningKeys(bad), bad).toThrow();
    }
  });
});
