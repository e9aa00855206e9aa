import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/adapters/audit/audit-log.ts';
import { recordHash } from '../../src/adapters/audit/record-hash.ts';
import { generateSigner } from '../../src/adapters/crypto/signer.ts';
import { signTreeHead, treeHeadRow } from '../../src/adapters/audit/tree-head.ts';
import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { recomputeEverything, seedLog, tamper, verify } from './audit-fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)('the audit log on %s', (engine) => {
  describe('appending and integrating', () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine, 'mediation', { seed: false });
    });
    afterAll(async () => t?.close());

    it('integrates the records of many concurrent transactions exactly once, in number order', async () => {
      let integrating = true;
      const integrations = (async () => {
        while (integrating) {
          await integrateAuditLog(t.deps, { batch: 7 });
          await sleep(3);
        }
      })();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.deps.db.transaction().execute(async (trx) => {
            await appendAudit(trx, { action: 'test.concurrent', targetId: `a${i}`, outcome: 'success' });
            await sleep(i % 5);
            await appendAudit(trx, { action: 'test.concurrent', targetId: `b${i}`, outcome: 'success' });
          }),
        ),
      );
      integrating = false;
      await integrations;
      await integrateAuditLog(t.deps);

      const records = await t.deps.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
      const leaves = await t.deps.db
        .selectFrom('audit_log_leaves')
        .selectAll()
        .orderBy('log_index')
        .execute();
      expect(records).toHaveLength(60);
      expect(leaves.map((l) => l.seq)).toEqual(records.map((r) => r.seq));
      expect(leaves.map((l) => l.log_index)).toEqual(records.map((_, i) => i));
      expect(await verify(t)).toMatchObject({ ok: true, records: 60, integrated: 60, pending: 0 });
    });

    it('leaves no record of a rolled-back transaction, and a later record is still integrated', async () => {
      const before = await t.deps.db.selectFrom('audit_log').select('seq').execute();
      await expect(
        t.deps.db.transaction().execute(async (trx) => {
          await appendAudit(trx, { action: 'test.rolled-back', outcome: 'success' });
          throw new Error('change refused');
        }),
      ).rejects.toThrow('change refused');
      const after = await appendAudit(t.deps.db, { action: 'test.after-rollback', outcome: 'success' });
      const rows = await t.deps.db.selectFrom('audit_log').select(['seq', 'action']).execute();
      expect(rows.map((r) => r.action)).not.toContain('test.rolled-back');
      expect(rows).toHaveLength(before.length + 1);
      expect(await verify(t)).toMatchObject({ ok: true, pending: 1 });
      await integrateAuditLog(t.deps);
      const leaf = await t.deps.db
        .selectFrom('audit_log_leaves')
        .select('seq')
        .orderBy('log_index', 'desc')
        .executeTakeFirstOrThrow();
      expect(leaf.seq).toBe(after);
      expect(await verify(t)).toMatchObject({ ok: true, pending: 0 });
    });

    it('never logs past a transaction still open when it read the sequence, and logs its record in order', async () => {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let slowSeq = 0;
      const slow = t.deps.db.transaction().execute(async (trx) => {
        slowSeq = await appendAudit(trx, { action: 'test.slow', outcome: 'success' });
        await held;
      });
      await sleep(50);
      // On PostgreSQL these run while the slow transaction is open (the integrator waits for it); on the embedded
      // engine they queue behind it.
      const quick = appendAudit(t.deps.db, { action: 'test.quick', outcome: 'success' });
      const run = integrateAuditLog(t.deps, { maxWaitMs: 5000 });
      await sleep(100);
      release();
      await slow;
      const quickSeq = await quick;
      await run;
      await integrateAuditLog(t.deps);
      expect(quickSeq).toBeGreaterThan(slowSeq);
      const last = await t.deps.db
        .selectFrom('audit_log_leaves')
        .select('seq')
        .orderBy('log_index', 'desc')
        .limit(2)
        .execute();
      expect(last.map((l) => l.seq)).toEqual([quickSeq, slowSeq]);
      expect(await verify(t)).toMatchObject({ ok: true, pending: 0 });
    });
  });

  describe('tampering', () => {
    let t: TestPlatform;
    let seqs: number[];
    beforeAll(async () => {
      t = await createTestPlatform(engine, 'mediation', { seed: false });
    });
    afterAll(async () => t?.close());
    // Every case starts from a clean log of its own: tampering cannot be undone.
    afterEach(async () => {
      await t.close();
      t = await createTestPlatform(engine, 'mediation', { seed: false });
    });
    const fresh = async () => {
      seqs = await seedLog(t, 6);
      expect(await verify(t)).toMatchObject({ ok: true, integrated: 6, heads: 6 });
    };

    it('names a record whose content was changed', async () => {
      await fresh();
      await tamper(t.deps.db, () =>
        sql`update audit_log set details = '{"i": 99}' where seq = ${seqs[2]}`.execute(t.deps.db),
      );
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'hash-mismatch', brokenSeq: seqs[2] });
    });

    it('names a record whose content and hash were changed', async () => {
      await fresh();
      const forged = recordHash({
        at: new Date().toISOString(),
        requestId: null,
        actorUserId: null,
        actorRole: null,
        action: 'test.forged',
        targetType: null,
        targetId: null,
        outcome: 'success',
        details: {},
      });
      await tamper(t.deps.db, () =>
        sql`update audit_log set action = 'test.forged', details = '{}', hash = ${forged} where seq = ${seqs[3]}`.execute(
          t.deps.db,
        ),
      );
      const verdict = await verify(t);
      expect(verdict).toMatchObject({ ok: false, brokenSeq: seqs[3] });
      expect(['hash-mismatch', 'leaf-mismatch']).toContain(verdict.ok ? '' : verdict.reason);
    });

    it('names a changed record even when every hash, leaf and node was recomputed', async () => {
      await fresh();
      await tamper(t.deps.db, async () => {
        await sql`update audit_log set details = '{"i": 42}' where seq = ${seqs[1]}`.execute(t.deps.db);
        await recomputeEverything(t.deps.db);
      });
      // Only the signed heads still remember: the first head over the changed leaf names it.
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'head-root-mismatch',
        brokenSeq: seqs[1],
        brokenLogIndex: 1,
      });
    });

    it('names a record inserted into the integrated past', async () => {
      // A rolled-back transaction leaves a hole in the numbers; the attacker fills it later.
      await appendAudit(t.deps.db, { action: 'test.0', outcome: 'success' });
      await t.deps.db
        .transaction()
        .execute(async (trx) => {
          await appendAudit(trx, { action: 'test.rolled-back', outcome: 'success' });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const hole = (await appendAudit(t.deps.db, { action: 'test.2', outcome: 'success' })) - 1;
      await integrateAuditLog(t.deps);
      expect(await verify(t)).toMatchObject({ ok: true, integrated: 2 });
      const content = {
        at: new Date().toISOString(),
        requestId: null,
        actorUserId: null,
        actorRole: null,
        action: 'user.roles.set',
        targetType: null,
        targetId: null,
        outcome: 'success',
        details: {},
      };
      await tamper(t.deps.db, () =>
        sql`insert into audit_log (seq, at, action, outcome, details, hash)
            values (${hole}, ${content.at}, ${content.action}, 'success', '{}', ${recordHash(content)})`.execute(
          t.deps.db,
        ),
      );
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'not-in-log', brokenSeq: hole });
    });

    it('names a deleted record', async () => {
      await fresh();
      await tamper(t.deps.db, () => sql`delete from audit_log where seq = ${seqs[4]}`.execute(t.deps.db));
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'record-missing', brokenSeq: seqs[4] });
    });

    it('detects the newest records deleted with their leaves and nodes', async () => {
      await fresh();
      await tamper(t.deps.db, async () => {
        await sql`delete from audit_log where seq >= ${seqs[4]}`.execute(t.deps.db);
        await sql`delete from audit_log_leaves where log_index >= 4`.execute(t.deps.db);
        await sql`delete from audit_tree_nodes where (idx + 1) * (1 << level) > 4`.execute(t.deps.db);
      });
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'log-truncated', brokenLogIndex: 4 });
    });

    it('refuses a tree head not signed by the platform key', async () => {
      await fresh();
      await tamper(t.deps.db, () =>
        sql`update audit_tree_heads set root_hash = ${'0'.repeat(64)} where tree_size = 3`.execute(t.deps.db),
      );
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'head-signature-invalid',
        brokenLogIndex: 2,
      });
    });

    it('refuses the heads of a rewritten log re-signed with another key', async () => {
      await fresh();
      const intruder = generateSigner('SM2');
      await tamper(t.deps.db, async () => {
        await sql`update audit_log set details = '{"i": 7}' where seq = ${seqs[0]}`.execute(t.deps.db);
        await recomputeEverything(t.deps.db);
        await sql`delete from audit_tree_heads`.execute(t.deps.db);
        const { rootHash } = (await verifyAuditLog(t.deps.db)) as { rootHash: string };
        const head = signTreeHead(intruder, {
          treeSize: 6,
          rootHash,
          coveredSeq: seqs[5]!,
          signedAt: new Date().toISOString(),
        });
        await t.deps.db.insertInto('audit_tree_heads').values(treeHeadRow(head)).execute();
      });
      // Without the platform's key the forgery passes; with it, it does not.
      expect((await verifyAuditLog(t.deps.db)).ok).toBe(true);
      expect(await verify(t)).toMatchObject({ ok: false, reason: 'head-signature-invalid' });
    });

    it('names the first leaf of a wrong stored tree node', async () => {
      await fresh();
      await tamper(t.deps.db, () =>
        sql`update audit_tree_nodes set hash = ${'0'.repeat(64)} where level = 1 and idx = 1`.execute(
          t.deps.db,
        ),
      );
      expect(await verify(t)).toMatchObject({
        ok: false,
        reason: 'node-mismatch',
        brokenLogIndex: 2,
        brokenSeq: seqs[2],
      });
    });
  });
});
