import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/adapters/audit/audit-log.ts';
import { verifyAuditLog } from '../../src/adapters/audit/verify-audit-log.ts';
import { sm3Hex } from '../../src/adapters/crypto/sm3.ts';
import { type Database, type Engine, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import type { DB } from '../../src/adapters/db/schema.ts';
import { canonicalJson } from '../../src/lib/canonical-json.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';
import { dropTestDatabase, testDatabaseUrl, withAdmin } from '../support/postgres-admin.ts';
import { ENGINES } from '../support/test-databases.ts';
import { TEST_KEYS } from '../support/test-platform.ts';

const MIGRATIONS = new URL('../../src/adapters/db/migrations/', import.meta.url);

/** A database as it stood before migration 012: migrations 001–011 only, recorded as applied. */
async function databaseBefore012(engine: Engine): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `sutiao_t_legacy_${randomBytes(5).toString('hex')}`;
  if (engine === 'postgres') await withAdmin((admin) => admin.query(`create database ${name}`));
  const database = engine === 'postgres' ? openPostgres(testDatabaseUrl(name), 2) : await openPglite();
  await sql`create table schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
    database.db,
  );
  for (const file of (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql') && f < '012').sort()) {
    await sql.raw(await readFile(new URL(file, MIGRATIONS), 'utf8')).execute(database.db);
    await sql`insert into schema_migrations (name) values (${file})`.execute(database.db);
  }
  const drop = async () => {
    await database.close();
    if (engine === 'postgres') await dropTestDatabase(name);
  };
  return { database, drop };
}

/** Writes records the way the former hash chain did (seq, every field and the previous hash under SM3). */
async function writeChain(db: Kysely<DB>, count: number) {
  let prevHash = '0'.repeat(64);
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      requestId: null,
      actorUserId: null,
      actorRole: null,
      action: `legacy.${seq}`,
      targetType: null,
      targetId: null,
      outcome: 'success',
      details: { n: seq },
      prevHash,
    };
    const hash = sm3Hex(canonicalJson(fields));
    await sql`insert into audit_log (seq, at, action, outcome, details, prev_hash, hash)
              values (${seq}, ${fields.at}, ${fields.action}, 'success', ${JSON.stringify(fields.details)}, ${prevHash}, ${hash})`.execute(
      db,
    );
    prevHash = hash;
  }
}

describe.each(ENGINES)('migrating a hash-chained audit trail to the Merkle log on %s', (engine) => {
  it('keeps the chain records verifiable, integrates them first, and still names a changed one', async () => {
    const { database, drop } = await databaseBefore012(engine);
    try {
      const db = database.db;
      await writeChain(db, 4);
      await migrate(db);
      const next = await appendAudit(db, { action: 'after.migration', outcome: 'success' });
      expect(next).toBe(5);
      const deps = { db, engine, keys: TEST_KEYS.mediation, now: () => new Date() };
      expect(await integrateAuditLog(deps)).toEqual({ integrated: 5, treeSize: 5 });
      const trusted = TEST_KEYS.mediation.signer;
      expect(await verifyAuditLog(db, trusted)).toMatchObject({
        ok: true,
        records: 5,
        integrated: 5,
        pending: 0,
      });

      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
      await sql`update audit_log set details = '{"n": 9}' where seq = 2`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
      expect(await verifyAuditLog(db, trusted)).toMatchObject({
        ok: false,
        reason: 'hash-mismatch',
        brokenSeq: 2,
      });
    } finally {
      await drop();
    }
  });
});
