import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../adapters/audit/verify-audit-chain.ts';
import { openDatabase } from '../adapters/db/database.ts';

/**
 * `npm run audit:verify -- --platform mediation` re-computes a platform's audit chain and names the first broken
 * record. Uses DATABASE_URL when set; otherwise the embedded database under --data-dir (stop that platform first:
 * an embedded database has one user at a time). Exit 0 intact, 1 broken, 2 bad arguments.
 */
async function main() {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  if (values.platform !== 'court' && values.platform !== 'mediation' && !values['data-dir']) {
    console.error('usage: audit:verify --platform court|mediation [--data-dir DIR]');
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? `data/${values.platform}`;
  const database = await openDatabase(
    process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL }
      : { dataDir: join(dataDir, 'pgdata') },
  );
  try {
    const verdict = await verifyAuditChain(database.db);
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.records} records, last hash ${verdict.lastHash}`);
    } else {
      console.log(
        `audit chain BROKEN at record seq=${verdict.brokenSeq} (${verdict.reason}); ${verdict.records} records before it are intact`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
