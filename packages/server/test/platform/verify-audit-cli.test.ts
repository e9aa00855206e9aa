import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/adapters/audit/audit-log.ts';
import { openPglite } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const runCli = (dataDir: string) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/platform/verify-audit-cli.ts', '--data-dir', dataDir],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
  );

describe('npm run audit:verify', () => {
  it('reports an intact chain, then names the first tampered record', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sutiao-audit-'));
    const db = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    await migrate(db.db);
    for (let i = 0; i < 5; i++) await recordAudit(db.db, { action: `test.${i}`, outcome: 'success' });
    await db.close();

    const intact = runCli(dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('intact: 5 records');

    const again = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(again.db);
    await sql`update audit_log set action = 'test.forged' where seq = 3`.execute(again.db);
    await again.close();

    const broken = runCli(dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('BROKEN at record seq=3');
  });
});
