import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/adapters/db/database.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { TEST_KEYS } from '../support/test-platform.ts';

const ROOT = join(import.meta.dirname, '../../../..');
/** The CLI reads the folder, not this process's platform settings. */
const ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL' && !name.startsWith('SUTIAO_')),
);

/** A stopped mediation platform's data folder: its migrated embedded database and its signing key. */
async function mediationDataDir() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sutiao-peer-cli-'));
  await mkdir(join(dataDir, 'keys'));
  await writeFile(
    join(dataDir, 'keys', 'signing-key.pem'),
    TEST_KEYS.mediation.signer.exportPrivateKeyPem(),
    { mode: 0o600 },
  );
  const database = await openPglite({ dataDir: join(dataDir, 'pgdata') });
  await migrate(database.db);
  await database.close();
  return dataDir;
}

describe('npm run docking:peer (embedded database)', () => {
  it('adds a peer with a key, lists it, retires the key, and refuses a bad PEM with exit 1', {
    timeout: 360_000,
  }, async () => {
    const dataDir = await mediationDataDir();
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'packages/server/src/platform/docking-peer-cli.ts',
          ...args,
          '--data-dir',
          dataDir,
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: ENV,
        },
      );
    try {
      const courtKey = join(dataDir, 'court-key.pem');
      await writeFile(courtKey, TEST_KEYS.court.signer.publicKeyPem);
      const courtKeyId = TEST_KEYS.court.signer.keyId;

      const identity = cli('identity', '--platform', 'mediation');
      expect(identity.stdout).toContain('platform id: sutiao-mediation');
      expect(identity.stdout).toContain(`key id:      ${TEST_KEYS.mediation.signer.keyId}`);
      expect(identity.stdout).toContain(TEST_KEYS.mediation.signer.publicKeyPem.trim());
      expect(identity.status).toBe(0);

      const added = cli(
        'add',
        '--id',
        'test-court',
        '--platform',
        'court',
        '--name',
        '测试法院',
        '--url',
        'http://127.0.0.1:3999',
        '--key-file',
        courtKey,
      );
      expect(added.stderr).toBe('');
      expect(added.stdout).toContain(`registered peer test-court on sutiao-mediation; key id ${courtKeyId}`);
      expect(added.status).toBe(0);

      const listed = cli('list', '--platform', 'mediation');
      expect(listed.stdout).toContain('test-court  court  测试法院  http://127.0.0.1:3999  active');
      expect(listed.stdout).toMatch(new RegExp(`key ${courtKeyId}  SM2  \\S+ → no end  current`));
      expect(listed.status).toBe(0);

      const retired = cli('retire', '--platform', 'mediation', '--id', 'test-court', '--key-id', courtKeyId);
      expect(retired.stdout).toContain(`retired key ${courtKeyId} of peer test-court`);
      expect(retired.status).toBe(0);

      const after = cli('list', '--platform', 'mediation');
      expect(after.stdout).toMatch(new RegExp(`key ${courtKeyId}  SM2  \\S+ → \\S+  retired`));
      expect(after.status).toBe(0);

      const badKey = join(dataDir, 'bad-key.pem');
      // A common slip: the private key's file instead of the public key's.
      await writeFile(badKey, TEST_KEYS.court.signer.exportPrivateKeyPem());
      const refused = cli(
        'add',
        '--id',
        'other-court',
        '--platform',
        'court',
        '--name',
        'Other court',
        '--url',
        'http://127.0.0.1:3998',
        '--key-file',
        badKey,
      );
      expect(refused.stderr).toContain('refused (VALIDATION_FAILED)');
      expect(refused.stderr).toContain('the public key is not an SPKI PEM');
      expect(refused.status).toBe(1);

      const unknownKey = cli(
        'retire',
        '--platform',
        'mediation',
        '--id',
        'test-court',
        '--key-id',
        'f'.repeat(64),
      );
      expect(unknownKey.stderr).toContain('refused (NOT_FOUND)');
      expect(unknownKey.status).toBe(1);

      // Written through the use cases, so the audit trail names the CLI.
      const database = await openPglite({ dataDir: join(dataDir, 'pgdata') });
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id', 'actor_role', 'target_id'])
        .where('action', 'like', 'docking.peer.%')
        .orderBy('seq')
        .execute();
      await database.close();
      expect(audit).toEqual([
        { action: 'docking.peer.register', actor_user_id: 'cli', actor_role: 'cli', target_id: 'test-court' },
        {
          action: 'docking.peer.retire-key',
          actor_user_id: 'cli',
          actor_role: 'cli',
          target_id: 'test-court',
        },
      ]);

      const noDatabase = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'packages/server/src/platform/docking-peer-cli.ts',
          'list',
          '--platform',
          'mediation',
          '--data-dir',
          join(dataDir, 'missing'),
        ],
        { cwd: ROOT, encoding: 'utf8', env: ENV },
      );
      expect(noDatabase.stderr).toContain('no database at');
      expect(noDatabase.status).toBe(2);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
