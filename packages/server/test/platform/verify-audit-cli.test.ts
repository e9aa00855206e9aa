import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/adapters/audit/audit-log.ts';
import { type Database, type Engine, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { integrateAuditLog } from '../../src/use-cases/common/audit/integrate-audit-log.ts';
import { dropTestDatabase, testDatabaseUrl, withAdmin } from '../support/postgres-admin.ts';
import { ENGINES } from '../support/test-databases.ts';
import { TEST_KEYS } from '../support/test-platform.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const keys = TEST_KEYS.mediation;

/** A platform's data directory as the CLI finds it: its database (embedded, or DATABASE_URL) and its key file. */
async function platformData(engine: Engine) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sutiao-audit-'));
  await mkdir(join(dataDir, 'keys'));
  await writeFile(join(dataDir, 'keys', 'signing-key.pem'), keys.signer.exportPrivateKeyPem(), {
    mode: 0o600,
  });
  const name = `sutiao_t_cli_${randomBytes(5).toString('hex')}`;
  if (engine === 'postgres') await withAdmin((admin) => admin.query(`create database ${name}`));
  const databaseUrl = engine === 'postgres' ? testDatabaseUrl(name) : '';
  const open = async (): Promise<Database> =>
    engine === 'postgres' ? openPostgres(databaseUrl, 2) : openPglite({ dataDir: join(dataDir, 'pgdata') });
  const run = () =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/platform/verify-audit-cli.ts', '--data-dir', dataDir],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } },
    );
  const drop = () => (engine === 'postgres' ? dropTestDatabase(name) : Promise.resolve());
  return { open, run, drop };
}

describe.each(ENGINES)('npm run audit:verify on %s', (engine) => {
  it('reports an intact log, then names the first tampered record and exits 1', {
    timeout: 180_000,
  }, async () => {
    const data = await platformData(engine);
    try {
      const db = await data.open();
      await migrate(db.db);
      const deps = { db: db.db, engine, keys, now: () => new Date() };
      for (let i = 0; i < 5; i++) {
        await appendAudit(db.db, { action: `test.${i}`, outcome: 'success' });
        await integrateAuditLog(deps);
      }
      await appendAudit(db.db, { action: 'test.pending', outcome: 'success' });
      await db.close();

      const intact = data.run();
      expect(intact.stdout).toContain(
        'audit log intact: 6 records (5 in the log, 1 not yet integrated), 5 signed tree heads',
      );
      expect(intact.status).toBe(0);

      const again = await data.open();
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(again.db);
      await sql`update audit_log set action = 'test.forged' where seq = 3`.execute(again.db);
      await again.close();

      const broken = data.run();
      expect(broken.stdout).toContain('BROKEN at record seq=3, log index 2 (hash-mismatch)');
      expect(broken.status).toBe(1);
    } finally {
      await data.drop();
    }
  });
});
